package io.entry.model.events;

/** Kafka header names carried by every record (CONTRACT §7). */
public final class RecordHeaders {

    /** The record type, e.g. {@code ScanEvent}. */
    public static final String EVENT_TYPE = "eventType";
    /** The schema version of the record type, e.g. {@code 1}. */
    public static final String SCHEMA_VERSION = "schemaVersion";
    /** The request that caused the record, when one did. */
    public static final String REQUEST_ID = "PAC-Request-Id";

    private RecordHeaders() {
    }
}
