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
        @Size(max = 64) String wifiSSID,
        @Size(max = 64) String wifiBSSID,
        Integer wifiChannel,
        @Size(max = 64) String mobileProvider,
        @Size(max = 32) String networkSignal,
        @Size(max = 64) String localIPAddress,
        @JsonAlias("softwarewMode") SoftwareMode softwareMode,
        @Size(max = 64) String accessorySerialNumber,
        @Size(max = 64) String accessoryFirmware,
        @Size(max = 64) String accessoryModel,
        @Size(max = 64) String accessoryMake,
        DeviceTimestamp deviceTimestamp) implements DeviceTelemetry.Carrier {
}
