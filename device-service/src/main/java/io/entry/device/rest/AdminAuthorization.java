package io.entry.device.rest;

import io.entry.device.config.DeviceServiceConfig;
import io.entry.runtime.security.ApiKeys;
import io.entry.runtime.web.ApiException;
import jakarta.inject.Singleton;

/** The admin routes' credential: {@code Authorization: Bearer <admin secret>}, compared in constant time. */
@Singleton
public class AdminAuthorization {

    private final DeviceServiceConfig config;

    AdminAuthorization(DeviceServiceConfig config) {
        this.config = config;
    }

    public void require(String authorization) {
        String presented = authorization == null ? null
                : authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
        // hashes have one length, so the comparison time says nothing about the secret
        if (presented == null || !ApiKeys.sameHash(ApiKeys.hash(presented), ApiKeys.hash(config.admin().secret()))) {
            throw ApiException.unauthorized("admin routes need Authorization: Bearer <admin secret>");
        }
    }
}
