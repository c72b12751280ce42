package io.entry.model.admin;

import java.time.Instant;
import java.util.List;

/**
 * Admin: an API key. {@code apiKey} is present only in the answer that created it: only its hash is stored, so it
 * can never be shown again.
 */
public record ApiKeyResponse(
        String keyHash,
        String partnerId,
        List<String> dataAccountIds,
        boolean revoked,
        Instant updatedAt,
        String apiKey) {
}
