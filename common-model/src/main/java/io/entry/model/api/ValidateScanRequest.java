package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Validate Scan request (vendor document). {@code nfcType} and {@code barcodeType} are ignored where they do not apply. */
public record ValidateScanRequest(
            @NotBlank @Size(max = 512) String token,
            @NotNull InputType inputType,
            @NotNull ScanMode scanMode,
            NfcType nfcType,
            BarcodeType barcodeType,
            Boolean testMode,
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
