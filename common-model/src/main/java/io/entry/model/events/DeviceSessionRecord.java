package io.entry.model.events;

import io.entry.model.api.DeviceTelemetry;
import java.time.Instant;

/**
 * A device session opened, or a device revoked, on {@link Topics#DEVICE_SESSIONS}. A revocation refuses the device's
 * tokens issued before {@code revokedAt}. The {@code declared*} fields are the device's own special-area
 * configuration; the catalog's always apply.
 */
public record DeviceSessionRecord(
        String recordId,
        DeviceSessionKind kind,
        String dataAccountId,
        String serialNumber,
        Long deviceId,
        Integer deviceNumber,
        String deviceName,
        String partnerId,
        String integratorType,
        String venueCode,
        Long checkpointLayoutId,
        Long checkpointId,
        String checkpointName,
        Long specialAreaId,
        String specialAreaName,
        String declaredSpecialAreaName,
        Integer declaredSpecialAreaMaxEntryPerTicket,
        Integer declaredSpecialAreaMaxCapacity,
        Boolean declaredSpecialAreaRequireEntryExit,
        String make,
        String model,
        String firmwareVersion,
        String softwareVersion,
        String macAddress,
        DeviceTelemetry telemetry,
        Instant issuedAt,
        Instant revokedAt) implements EntryRecord {

    public static final String EVENT_TYPE = "DeviceSession";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, serialNumber);
    }
}
