package io.entry.model.api;

import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/** Ping request (vendor document). Battery percentages may arrive as strings ("85"). */
public record PingRequest(
            @Size(max = 128) String geoLocation,
            @DecimalMin("0") @DecimalMax("100") BigDecimal batteryPercentage,
            @DecimalMin("0") @DecimalMax("100") BigDecimal accessoryBatteryPercentage,
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
