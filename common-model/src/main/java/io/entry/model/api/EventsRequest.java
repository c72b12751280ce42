package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Get Events request: telemetry only (vendor document). */
public record EventsRequest(
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
