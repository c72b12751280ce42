package io.entry.model.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Admin: create an API key for an integrator (auth-service, POST /admin/v1/api-keys). */
public record ApiKeyRequest(
        @NotBlank String partnerId,
        @NotEmpty List<@NotBlank @Pattern(regexp = "\\d{3}", message = "must be a 3-digit client identifier") String> dataAccountIds) {
}
