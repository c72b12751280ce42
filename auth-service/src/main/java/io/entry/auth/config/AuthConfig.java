package io.entry.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** auth-service configuration (see README.md for the table). */
@ConfigMapping(prefix = "entry")
public interface AuthConfig {

    Jwt jwt();

    Admin admin();

    /** The demo API key, created at startup; configured only in the dev and test profiles. */
    DemoApiKey demoApiKey();

    Outbox outbox();

    interface Outbox {
        /** How often the relay publishes the outbox (read by the @Scheduled expression). */
        @WithDefault("1s")
        String relayInterval();
    }

    interface Jwt {
        /** {@code iss} of every token; the other services verify it. */
        String issuer();

        /** PEM (PKCS#8) file of the RSA private key that signs tokens. */
        Optional<String> signingKeyLocation();

        /** {@code kid} of the signing key. */
        @WithDefault("entry-1")
        String signingKeyId();

        /** Token lifetime (CONTRACT §3: 24 hours). */
        @WithDefault("PT24H")
        Duration lifetime();

        /**
         * Verification-only public keys (kid -> PEM file), published in the JWKS next to the signing key: the next
         * key before it signs, the previous one until its tokens expired.
         */
        Map<String, String> additionalPublicKeys();
    }

    interface Admin {
        /** {@code Authorization: Bearer <secret>} of the admin routes. */
        Optional<String> secret();
    }

    interface DemoApiKey {
        Optional<String> key();

        @WithDefault("demo-partner")
        String partnerId();

        @WithDefault("390,129")
        List<String> dataAccountIds();
    }
}
