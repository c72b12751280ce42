package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The network and accessory fields every device request carries. Requests keep them flat, as the vendor document
 * shows them; services and events hold them as this one record.
 */
public record DeviceTelemetry(
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
        DeviceTimestamp deviceTimestamp) {

    /** Implemented by every request record that carries the telemetry fields flat. */
    public interface Carrier {
        NetworkType networkType();

        String wifiSSID();

        String wifiBSSID();

        Integer wifiChannel();

        String mobileProvider();

        String networkSignal();

        String localIPAddress();

        SoftwareMode softwareMode();

        String accessorySerialNumber();

        String accessoryFirmware();

        String accessoryModel();

        String accessoryMake();

        DeviceTimestamp deviceTimestamp();

        default DeviceTelemetry telemetry() {
            return new DeviceTelemetry(networkType(), wifiSSID(), wifiBSSID(), wifiChannel(), mobileProvider(),
                    networkSignal(), localIPAddress(), softwareMode(), accessorySerialNumber(), accessoryFirmware(),
                    accessoryModel(), accessoryMake(), deviceTimestamp());
        }
    }
}
