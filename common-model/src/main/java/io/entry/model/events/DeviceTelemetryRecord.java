package io.entry.model.events;

import io.entry.model.api.DeviceTelemetry;
import java.math.BigDecimal;
import java.time.Instant;

/** A ping of a device, on {@link Topics#DEVICE_TELEMETRY}, with the server's receive time. */
public record DeviceTelemetryRecord(
        String recordId,
        String dataAccountId,
        String serialNumber,
        Long deviceId,
        String venueCode,
        Instant receivedAt,
        String geoLocation,
        BigDecimal batteryPercentage,
        BigDecimal accessoryBatteryPercentage,
        boolean testMode,
        DeviceTelemetry telemetry) implements EntryRecord {

    public static final String EVENT_TYPE = "DeviceTelemetry";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, serialNumber);
    }
}
