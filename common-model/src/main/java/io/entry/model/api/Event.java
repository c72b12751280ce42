package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDateTime;
import java.util.List;

/** An event of Get Events (CONTRACT §4). Times are venue-local without offset; {@code offset} is the venue's at the start. */
public record Event(
        String eventId,
        String eventName,
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime eventStartDateTime,
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime eventEndDateTime,
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime doorsOpenDateTime,
        String offset,
        String timeZone,
        Venue venue,
        List<BarcodeMask> barcodeMasks) {

    /** Venue-local date-time as the vendor's samples write it: seconds always present, no offset. */
    public static final String LOCAL_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ss";
}
