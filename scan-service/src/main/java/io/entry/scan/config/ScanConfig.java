package io.entry.scan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** scan-service settings ({@code entry.scan.*}). The admin secret is {@code entry.admin.secret} (service-runtime). */
@ConfigMapping(prefix = "entry.scan")
public interface ScanConfig {

    /** How long the first answer to a (device, PAC-Request-Id) is replayed (CONTRACT §2). */
    @WithDefault("PT24H")
    Duration retryWindow();

    Relay relay();

    interface Relay {
        /** How often the outbox relay looks for unsent records. */
        @WithDefault("1s")
        String interval();

        /** Records claimed per round. */
        @WithDefault("500")
        int batchSize();

        /** How long a claim lasts before another relay round may retry the record. */
        @WithDefault("PT30S")
        Duration claimTimeout();
    }
}
