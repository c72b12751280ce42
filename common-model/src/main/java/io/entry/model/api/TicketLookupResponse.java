package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDateTime;
import java.util.List;

/** Ticket Lookup response (vendor document, CONTRACT §4). */
public record TicketLookupResponse(
        String eventId,
        String eventName,
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime eventStartDateTime,
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime eventEndDateTime,
        Venue venue,
        String offset,
        String timeZone,
        String token,
        String ticket,
        String patronId,
        String firstName,
        String lastName,
        SeatInfo seatInfo,
        List<ScanHistoryItem> scanHistory) {
}
