package io.entry.model.api;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Create Session (Lite) request (vendor document). */
public record CreateLiteSessionRequest(
        @NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit client identifier") String dataAccountId,
        @NotBlank @Size(max = 64) String serialNumber,
        @NotBlank @Size(max = 32) String venueCode) {
}
