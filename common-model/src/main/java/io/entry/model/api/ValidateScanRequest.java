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
