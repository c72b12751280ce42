package io.entry.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * device-service's own settings. The secrets have no default outside the dev and test profiles, so a prod start
 * without them fails (CONTRACT §3); {@link ProdSecretsGuard} also refuses the demo values there.
 */
@ConfigMapping(prefix = "entry")
public interface DeviceServiceConfig {

    Admin admin();

    Nfc nfc();

    Fleet fleet();

    Outbox outbox();

    TestClock clock();

    /** Honoured in the test profile only, see {@link ClockProducer}. */
    interface TestClock {
        /** A fixed instant, e.g. {@code 2026-03-08T06:10:00Z}. */
        java.util.Optional<java.time.Instant> fixed();

        /** A shift of the system clock, e.g. {@code PT-3H}. */
        java.util.Optional<Duration> offset();
    }

    interface Admin {
        /** The bearer secret of the /admin/v1 routes. */
        String secret();
    }

    interface Nfc {
        /** AES key (base64, 16/24/32 bytes) that seals NFC private keys at rest. */
        @WithName("encryption-key")
        String encryptionKey();
    }

    interface Fleet {
        /** A device seen within this age is online. */
        @WithDefault("PT2M")
        Duration onlineWithin();

        /** A device seen within this age (but not online) is stale; older is offline. */
        @WithDefault("PT15M")
        Duration staleWithin();
    }

    interface Outbox {
        /** Kafka of the relay; defaults to kafka.bootstrap.servers (tests point it at a dead broker). */
        java.util.Optional<String> bootstrapServers();

        /** How often the relay looks for unsent records (read by the @Scheduled expression). */
        @WithDefault("1s")
        String relayEvery();

        /** Records the relay claims per round. */
        @WithDefault("500")
        int batchSize();

        /** How long a claimed batch stays reserved for one relay before another may take it. */
        @WithDefault("PT60S")
        Duration claimLease();
    }
}
