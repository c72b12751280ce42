package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * One item of an Offline Scan Upload (CONTRACT §6): the Validate Scan fields, when it was scanned, the device's own
 * decision, and optionally where (default: the device's assignment at upload time).
 */
public record OfflineScan(
        @NotBlank @Size(max = 512) String token,
        @NotNull InputType inputType,
        @NotNull ScanMode scanMode,
        NfcType nfcType,
        BarcodeType barcodeType,
        Boolean testMode,
        @NotNull OffsetDateTime scanDateTime,
        @NotNull ScanStatus status,
        ReasonCode reasonCode,
        Long checkpointId,
        Long specialAreaId,
        NetworkType networkType,
        String wifiSSID,
        String wifiBSSID,
        Integer wifiChannel,
        String mobileProvider,
        String networkSignal,
        String localIPAddress,
        @JsonAlias("softwarewMode") SoftwareMode softwareMode,
        String accessorySerialNumber,
        String accessoryFirmware,
        String accessoryModel,
        String accessoryMake,
        DeviceTimestamp deviceTimestamp) implements DeviceTelemetry.Carrier {
}
