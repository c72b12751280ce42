package io.entry.auth.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * In prod, auth-service refuses to start without a real signing key, or with the demo key or demo API key
 * (CONTRACT §3): the demo ones are published in this repository. The admin secret is checked for every service by
 * service-runtime's AdminSecret.
 */
@Singleton
public class ProdSecretsCheck {

    static final String DEMO_KEY_ID = "entry-demo-1";

    void check(@Observes StartupEvent started, AuthConfig config) {
        // by profile, not launch mode: the local stack runs fast-jars with QUARKUS_PROFILE=dev
        if (ConfigUtils.getProfiles().contains("prod")) {
            List<String> problems = problems(config);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("refusing to start in prod: " + String.join("; ", problems));
            }
        }
    }

    /** What is wrong with the configuration for production; empty when nothing is. */
    public static List<String> problems(AuthConfig config) {
        List<String> problems = new ArrayList<>();
        String keyLocation = config.jwt().signingKeyLocation().orElse("");
        if (keyLocation.isBlank()) {
            problems.add("entry.jwt.signing-key-location is not set (ENTRY_JWT_SIGNING_KEY_LOCATION)");
        } else if (keyLocation.replace('\\', '/').contains("deploy/demo/")) {
            problems.add("entry.jwt.signing-key-location is the demo key");
        }
        if (DEMO_KEY_ID.equals(config.jwt().signingKeyId())) {
            problems.add("entry.jwt.signing-key-id is the demo key's kid");
        }
        if (config.demoApiKey().key().isPresent()) {
            problems.add("entry.demo-api-key.key must not be set in prod");
        }
        return problems;
    }
}
