package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Validate Scan response (vendor document): always 200, the decision is in {@code status} and {@code reasonCode}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidateScanResponse(
        ScanStatus status,
        ReasonCode reasonCode,
        String reasonMessage,
        String eventId,
        String eventName,
        String token,
        String ticket,
        String patronId,
        String firstName,
        String lastName,
        boolean testMode,
        SeatInfo seatInfo) {
}
