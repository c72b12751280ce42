package io.entry.model.api;

import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonAlias;

/** Get Events request: telemetry only (vendor document). */
public record EventsRequest(
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
