package io.entry.model.events;

/**
 * A venue of the catalog, on {@link Topics#CATALOG_VENUES}. {@code checkpointLayoutId} is the layout in use, whose
 * default checkpoint a device gets when the catalog assigns it none.
 */
public record VenueRecord(
        String recordId,
        String dataAccountId,
        String venueCode,
        String venueName,
        String timeZone,
        Long checkpointLayoutId) implements EntryRecord {

    public static final String EVENT_TYPE = "CatalogVenue";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, venueCode);
    }
}
