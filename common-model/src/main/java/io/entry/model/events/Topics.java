package io.entry.model.events;

/** Kafka topic names of CONTRACT §7, one place for producers, consumers and the start scripts. */
public final class Topics {

    /** Every scan decision, Online (scan-service) and Offline (offline-ingest replay). Key {@code dataAccountId:token}. */
    public static final String SCAN_EVENTS = "entry.scan-events.v1";
    /** Scan events that could not be processed. Key as received. */
    public static final String SCAN_EVENTS_DLQ = "entry.scan-events.v1.dlq";
    /** One outcome per offline scan. Key {@code dataAccountId:token}. */
    public static final String SCAN_RECONCILIATIONS = "entry.scan-reconciliations.v1";
    /** Sessions and device revocations. Key {@code dataAccountId:serialNumber}. */
    public static final String DEVICE_SESSIONS = "entry.device-sessions.v1";
    /** Pings. Key {@code dataAccountId:serialNumber}. */
    public static final String DEVICE_TELEMETRY = "entry.device-telemetry.v1";
    /** API keys (compacted). Key: the key's hash. */
    public static final String API_CLIENTS = "entry.api-clients.v1";
    /** Venues (compacted). Key {@code dataAccountId:venueCode}. */
    public static final String CATALOG_VENUES = "entry.catalog.venues.v1";
    /** Events (compacted). Key {@code eventId}. */
    public static final String CATALOG_EVENTS = "entry.catalog.events.v1";
    /** Checkpoint layouts with checkpoints, special areas and device assignments (compacted). Key {@code dataAccountId:checkpointLayoutId}. */
    public static final String CATALOG_LAYOUTS = "entry.catalog.layouts.v1";
    /** Tickets (compacted). Key {@code dataAccountId:token}. */
    public static final String CATALOG_TICKETS = "entry.catalog.tickets.v1";

    private Topics() {
    }

    public static String accountKey(String dataAccountId, String id) {
        return dataAccountId + ":" + id;
    }
}
