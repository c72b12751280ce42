package io.entry.runtime.security;

import io.entry.runtime.web.ApiException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The credential of the admin routes (CONTRACT §1): {@code Authorization: Bearer <admin secret>}, one secret per
 * deployment from {@code entry.admin.secret}. Both sides are hashed before comparing, so the time taken says nothing
 * about the secret or its length. Without a configured secret every admin call is refused.
 */
@Singleton
public class AdminSecret {

    private final Optional<String> secret;

    /** The demo secret of the dev and test profiles (CONTRACT §9): worthless anywhere else. */
    static final String DEMO_SECRET = "entry-admin-local";

    AdminSecret(@ConfigProperty(name = "entry.admin.secret") Optional<String> secret) {
        this.secret = secret.filter(value -> !value.isBlank());
    }

    /** In prod a service refuses to start without a real admin secret (CONTRACT §3 "Secrets"). */
    void refuseToStartWithoutARealSecretInProd(@Observes StartupEvent started) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            checkProductionSecret(secret);
        }
    }

    static void checkProductionSecret(Optional<String> secret) {
        if (secret.isEmpty() || DEMO_SECRET.equals(secret.get())) {
            throw new IllegalStateException("entry.admin.secret must be set to a real secret in prod (ENTRY_ADMIN_SECRET)");
        }
    }

    public void require(String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (secret.isEmpty() || presented == null
                || !ApiKeys.sameHash(ApiKeys.hash(secret.get()), ApiKeys.hash(presented))) {
            throw ApiException.unauthorized("admin routes need Authorization: Bearer <admin secret>");
        }
    }
}
