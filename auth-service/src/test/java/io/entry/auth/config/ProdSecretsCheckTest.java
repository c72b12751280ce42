package io.entry.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProdSecretsCheckTest {

    @Test
    void realSecretsPass() {
        assertThat(ProdSecretsCheck.problems(config("s3cr3t-from-k8s", "/var/run/secrets/entry/signing-key.pem",
                "entry-2026-01", null))).isEmpty();
    }

    @Test
    void missingSigningKeyRefusesToStart() {
        // the admin secret's own prod rule lives with it: service-runtime AdminSecretTest
        assertThat(ProdSecretsCheck.problems(config("", null, "entry-1", null)))
                .anyMatch(p -> p.contains("entry.jwt.signing-key-location is not set"));
    }

    @Test
    void demoSecretsRefuseToStart() {
        assertThat(ProdSecretsCheck.problems(config("entry-admin-local", "/opt/entry/deploy/demo/keys/signing-key.pem",
                "entry-demo-1", "entry-demo-key-0001")))
                .hasSize(3)
                .anyMatch(p -> p.contains("is the demo key"))
                .anyMatch(p -> p.contains("kid"))
                .anyMatch(p -> p.contains("demo-api-key"));
    }

    private static AuthConfig config(String adminSecret, String keyLocation, String kid, String demoKey) {
        return new AuthConfig() {
            @Override
            public Jwt jwt() {
                return new Jwt() {
                    public String issuer() {
                        return "https://entry.example/auth";
                    }

                    public Optional<String> signingKeyLocation() {
                        return Optional.ofNullable(keyLocation);
                    }

                    public String signingKeyId() {
                        return kid;
                    }

                    public Duration lifetime() {
                        return Duration.ofHours(24);
                    }

                    public Map<String, String> additionalPublicKeys() {
                        return Map.of();
                    }
                };
            }

            @Override
            public Admin admin() {
                return () -> Optional.ofNullable(adminSecret);
            }

            @Override
            public Outbox outbox() {
                return () -> "1s";
            }

            @Override
            public DemoApiKey demoApiKey() {
                return new DemoApiKey() {
                    public Optional<String> key() {
                        return Optional.ofNullable(demoKey);
                    }

                    public String partnerId() {
                        return "demo-partner";
                    }

                    public List<String> dataAccountIds() {
                        return List.of("390");
                    }
                };
            }
        };
    }
}
