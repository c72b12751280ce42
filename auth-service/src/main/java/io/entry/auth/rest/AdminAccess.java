package io.entry.auth.rest;

import io.entry.auth.config.AuthConfig;
import io.entry.runtime.security.ApiKeys;
import io.entry.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code Authorization: Bearer <admin secret>} of the admin routes (CONTRACT §1), compared in constant time. */
@ApplicationScoped
public class AdminAccess {

    private final AuthConfig config;

    AdminAccess(AuthConfig config) {
        this.config = config;
    }

    public void require(String authorization) {
        String secret = config.admin().secret().orElse(null);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        // hash both sides so the comparison takes the same time whatever the lengths
        if (secret == null || secret.isBlank() || presented == null
                || !ApiKeys.sameHash(ApiKeys.hash(secret), ApiKeys.hash(presented))) {
            throw ApiException.unauthorized("the admin secret is required");
        }
    }
}
