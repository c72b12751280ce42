package io.entry.model.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * device-service's admin fleet view of one venue ({@code GET /admin/v1/fleet/{dataAccountId}/{venueCode}}): each
 * device with placement, versions, last seen, battery, signal, its status by last-seen age, and where its own
 * special-area configuration disagrees with the catalog (the catalog's limits apply regardless).
 */
public record FleetView(String dataAccountId, String venueCode, Instant generatedAt, List<Device> devices) {

    public enum Status { ONLINE, STALE, OFFLINE }

    public record Device(
            String serialNumber,
            Long deviceId,
            String deviceName,
            String venueCode,
            Long checkpointId,
            String checkpointName,
            Long specialAreaId,
            String specialAreaName,
            String make,
            String model,
            String firmwareVersion,
            String softwareVersion,
            String softwareMode,
            String accessorySerialNumber,
            String accessoryFirmware,
            Instant lastSeenAt,
            String lastSeenSource,
            BigDecimal batteryPercentage,
            BigDecimal accessoryBatteryPercentage,
            String geoLocation,
            String networkType,
            String networkSignal,
            Status status,
            boolean revoked,
            /** One line per field where the device's declared special-area configuration differs from the catalog. */
            List<String> specialAreaMismatches) {
    }
}
