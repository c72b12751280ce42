package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Ticket Lookup request body; optional, the barcode comes from the path (vendor document). */
public record TicketLookupRequest(
            InputType inputType,
            NfcType nfcType,
            BarcodeType barcodeType,
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
