package io.entry.model.events;

import io.entry.model.api.BarcodeType;
import io.entry.model.api.DeviceTelemetry;
import io.entry.model.api.InputType;
import io.entry.model.api.NfcType;
import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One scan decision, on {@link Topics#SCAN_EVENTS}, keyed {@code dataAccountId:token}.
 * <ul>
 * <li>Online: decided by scan-service; {@code status}/{@code reasonCode} are the answer the device got.</li>
 * <li>Offline: decided by the device while offline and replayed by offline-ingest; {@code status}/{@code reasonCode}
 * are the device's, {@code uploadKey}, {@code filename} and {@code uploadIndex} name the upload it came in.</li>
 * </ul>
 * {@code scanDateTime} is when the scan happened (with the venue's offset); {@code receivedAt} when a server got it.
 * The telemetry fields let device-service keep last-seen and telemetry without extra traffic.
 */
public record ScanEventRecord(
        String recordId,
        ScanSource source,
        String requestId,
        String dataAccountId,
        String venueCode,
        String eventId,
        String token,
        String ticket,
        ScanMode scanMode,
        InputType inputType,
        NfcType nfcType,
        BarcodeType barcodeType,
        boolean testMode,
        ScanStatus status,
        ReasonCode reasonCode,
        String reasonMessage,
        OffsetDateTime scanDateTime,
        Instant receivedAt,
        Long deviceId,
        String deviceName,
        String serialNumber,
        Long checkpointId,
        String checkpointName,
        Long specialAreaId,
        String specialAreaName,
        String uploadKey,
        String filename,
        Integer uploadIndex,
        DeviceTelemetry telemetry) implements EntryRecord {

    public static final String EVENT_TYPE = "ScanEvent";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, token);
    }
}
