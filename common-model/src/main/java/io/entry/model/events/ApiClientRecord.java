package io.entry.model.events;

import java.time.Instant;
import java.util.List;

/**
 * An integrator's API key as the other services check it, on {@link Topics#API_CLIENTS}: never the key itself,
 * only its SHA-256 hash (hex), keyed by that hash.
 */
public record ApiClientRecord(
        String recordId,
        String keyHash,
        String partnerId,
        List<String> dataAccountIds,
        boolean revoked,
        Instant updatedAt) implements EntryRecord {

    public static final String EVENT_TYPE = "ApiClient";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return keyHash;
    }
}
