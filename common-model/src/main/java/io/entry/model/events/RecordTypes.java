package io.entry.model.events;

import java.util.List;

/** Every record type with its topic; the JSON Schema of each lies at {@code schemas/<eventType>.schema.json}. */
public final class RecordTypes {

    public record Type(String eventType, int schemaVersion, Class<? extends EntryRecord> recordClass, List<String> topics) {

        public String schemaResource() {
            return "schemas/" + eventType + ".schema.json";
        }
    }

    public static final List<Type> ALL = List.of(
            new Type(VenueRecord.EVENT_TYPE, VenueRecord.SCHEMA_VERSION, VenueRecord.class, List.of(Topics.CATALOG_VENUES)),
            new Type(LayoutRecord.EVENT_TYPE, LayoutRecord.SCHEMA_VERSION, LayoutRecord.class, List.of(Topics.CATALOG_LAYOUTS)),
            new Type(EventRecord.EVENT_TYPE, EventRecord.SCHEMA_VERSION, EventRecord.class, List.of(Topics.CATALOG_EVENTS)),
            new Type(TicketRecord.EVENT_TYPE, TicketRecord.SCHEMA_VERSION, TicketRecord.class, List.of(Topics.CATALOG_TICKETS)),
            new Type(ApiClientRecord.EVENT_TYPE, ApiClientRecord.SCHEMA_VERSION, ApiClientRecord.class, List.of(Topics.API_CLIENTS)),
            new Type(DeviceSessionRecord.EVENT_TYPE, DeviceSessionRecord.SCHEMA_VERSION, DeviceSessionRecord.class, List.of(Topics.DEVICE_SESSIONS)),
            new Type(DeviceTelemetryRecord.EVENT_TYPE, DeviceTelemetryRecord.SCHEMA_VERSION, DeviceTelemetryRecord.class, List.of(Topics.DEVICE_TELEMETRY)),
            new Type(ScanEventRecord.EVENT_TYPE, ScanEventRecord.SCHEMA_VERSION, ScanEventRecord.class, List.of(Topics.SCAN_EVENTS, Topics.SCAN_EVENTS_DLQ)),
            new Type(ScanReconciliationRecord.EVENT_TYPE, ScanReconciliationRecord.SCHEMA_VERSION, ScanReconciliationRecord.class, List.of(Topics.SCAN_RECONCILIATIONS)));

    private RecordTypes() {
    }
}
