package io.entry.model.events;

import java.util.List;

/**
 * A checkpoint layout of a venue with its checkpoints, special areas and device assignments, on
 * {@link Topics#CATALOG_LAYOUTS}. {@code allowReentry} is the venue's rule (CONTRACT §5).
 */
public record LayoutRecord(
        String recordId,
        String dataAccountId,
        long checkpointLayoutId,
        String checkpointLayoutName,
        String checkpointLayoutCode,
        String venueCode,
        boolean allowReentry,
        Long defaultCheckpointId,
        List<Checkpoint> checkpoints,
        List<SpecialArea> specialAreas,
        List<DeviceAssignment> deviceAssignments) implements EntryRecord {

    public static final String EVENT_TYPE = "CatalogLayout";
    public static final int SCHEMA_VERSION = 1;

    public record Checkpoint(long checkpointId, String checkpointName) {
    }

    /** A special area; null limits are unlimited. */
    public record SpecialArea(
            long specialAreaId,
            String specialAreaName,
            Integer maxEntryPerTicket,
            Integer maxCapacity,
            boolean requireEntryExit,
            boolean entitlementRequired) {
    }

    /** Which checkpoint (and name) a device serial gets at this venue. */
    public record DeviceAssignment(String serialNumber, String deviceName, Long checkpointId) {
    }

    public String key() {
        return Topics.accountKey(dataAccountId, Long.toString(checkpointLayoutId));
    }
}
