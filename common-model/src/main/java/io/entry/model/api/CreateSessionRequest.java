package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** Create Session request (vendor document). */
public record CreateSessionRequest(
            @NotBlank String venueCode,
            @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit client identifier") String dataAccountId,
            @NotBlank String serialNumber,
            @NotBlank String make,
            @NotBlank String model,
            String firmwareVersion,
            String softwareVersion,
            String macAddress,
            Long specialAreaId,
            String specialAreaName,
            @PositiveOrZero Integer specialAreaMaxEntryPerTicket,
            @PositiveOrZero Integer specialAreaMaxCapacity,
            Boolean specialAreaRequireEntryExit,
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
