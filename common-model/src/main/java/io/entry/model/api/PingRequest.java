package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/** Ping request (vendor document). Battery percentages may arrive as strings ("85"). */
public record PingRequest(
            String geoLocation,
            @DecimalMin("0") @DecimalMax("100") BigDecimal batteryPercentage,
            @DecimalMin("0") @DecimalMax("100") BigDecimal accessoryBatteryPercentage,
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
