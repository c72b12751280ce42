package io.entry.offline.model;

/** An event of the catalog read model with the venue's time zone (null while the venue is unknown). */
public record CatalogEvent(String eventId, String dataAccountId, String seasonCd, String eventCd, String venueCode,
        String timeZone) {
}
