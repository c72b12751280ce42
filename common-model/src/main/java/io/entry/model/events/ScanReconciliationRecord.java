package io.entry.model.events;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The outcome of reconciling one offline scan, on {@link Topics#SCAN_RECONCILIATIONS}, keyed
 * {@code dataAccountId:token}. A conflict names both scans: {@code scanRecordId} and {@code conflictingScanRecordId}.
 */
public record ScanReconciliationRecord(
        String recordId,
        String scanRecordId,
        String dataAccountId,
        String eventId,
        String token,
        Long specialAreaId,
        OffsetDateTime scanDateTime,
        ReconciliationOutcome outcome,
        ConflictCode conflictCode,
        String conflictingScanRecordId,
        String message,
        Instant reconciledAt) implements EntryRecord {

    public static final String EVENT_TYPE = "ScanReconciliation";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, token);
    }
}
