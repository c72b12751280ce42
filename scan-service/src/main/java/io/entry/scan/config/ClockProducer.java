package io.entry.scan.config;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock every time rule reads (CONTRACT §4 "Time"). Only in the test profile can it be fixed
 * ({@code entry.clock.fixed}) or shifted ({@code entry.clock.offset}); elsewhere those settings are ignored.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "entry.clock.fixed") Optional<String> fixed,
            @ConfigProperty(name = "entry.clock.offset", defaultValue = "PT0S") Duration offset) {
        if (LaunchMode.current() != LaunchMode.TEST) {
            return Clock.systemUTC();
        }
        Clock base = fixed.filter(s -> !s.isBlank())
                .map(s -> Clock.fixed(Instant.parse(s), ZoneOffset.UTC))
                .orElse(Clock.systemUTC());
        return offset.isZero() ? base : Clock.offset(base, offset);
    }
}
