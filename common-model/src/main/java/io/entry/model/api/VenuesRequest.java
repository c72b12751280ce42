package io.entry.model.api;

import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Get Venues request (vendor document). */
public record VenuesRequest(
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit client identifier") String dataAccountId,
            @NotBlank @Size(max = 64) String serialNumber,
            @NotBlank @Size(max = 64) String make,
            @NotBlank @Size(max = 64) String model,
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
