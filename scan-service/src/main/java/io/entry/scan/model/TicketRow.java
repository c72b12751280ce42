package io.entry.scan.model;

import io.entry.model.api.SeatInfo;
import io.entry.model.events.TicketStatus;
import java.time.LocalDateTime;
import java.util.List;

/** A ticket of the read model joined with its event (event fields null when the catalog does not know the event). */
public record TicketRow(
        String dataAccountId,
        String token,
        String ticket,
        String eventId,
        TicketStatus status,
        String reissuedToken,
        String patronId,
        String firstName,
        String lastName,
        SeatInfo seatInfo,
        List<Long> entitledAreaIds,
        EventRow event) {

    /** The ticket number, or the token when the ticketing system has none (CONTRACT §4). */
    public String ticketNumber() {
        return ticket != null && !ticket.isBlank() ? ticket : token;
    }

    public record EventRow(String eventId, String eventName, String venueCode, LocalDateTime start, LocalDateTime end,
            LocalDateTime doors, boolean test) {
    }
}
