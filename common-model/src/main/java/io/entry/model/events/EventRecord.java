package io.entry.model.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A ticketing event of the catalog, on {@link Topics#CATALOG_EVENTS}. Times are venue-local; a missing end or doors
 * time takes the defaults of CONTRACT §4. {@code test} marks an event whose scans an admin may reset.
 */
public record EventRecord(
        String recordId,
        String eventId,
        String dataAccountId,
        String seasonCd,
        String eventCd,
        String eventName,
        String venueCode,
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime eventStartDateTime,
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime eventEndDateTime,
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime doorsOpenDateTime,
        List<String> barcodeMasks,
        boolean test) implements EntryRecord {

    public static final String EVENT_TYPE = "CatalogEvent";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return eventId;
    }
}
