package io.entry.offline.model;

import java.time.LocalDateTime;

/**
 * An event of the catalog read model with the venue's time zone (null while the venue is unknown) and its
 * venue-local start (null for events received before it was kept).
 */
public record CatalogEvent(String eventId, String dataAccountId, String seasonCd, String eventCd, String venueCode,
        String timeZone, LocalDateTime eventStart) {
}
