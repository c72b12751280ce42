package io.entry.device.config;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The service's clock. In the test profile only, {@code entry.clock.fixed} (an instant) or
 * {@code entry.clock.offset} (an ISO duration added to now) move it, so "today" and time windows can be tested
 * (CONTRACT §4 "Time"); in any other profile those settings are ignored.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    Clock clock(DeviceServiceConfig config) {
        return clock(ConfigUtils.getProfiles().contains("test"), config.clock().fixed(), config.clock().offset());
    }

    static Clock clock(boolean testProfile, Optional<Instant> fixed, Optional<Duration> offset) {
        if (!testProfile) {
            if (fixed.isPresent() || offset.isPresent()) {
                LOG.warn("entry.clock.* is honoured in the test profile only; using the system clock");
            }
            return Clock.systemUTC();
        }
        if (fixed.isPresent()) {
            LOG.infof("test clock fixed at %s", fixed.get());
            return Clock.fixed(fixed.get(), ZoneOffset.UTC);
        }
        if (offset.isPresent()) {
            LOG.infof("test clock shifted by %s", offset.get());
            return Clock.offset(Clock.systemUTC(), offset.get());
        }
        return Clock.systemUTC();
    }
}
