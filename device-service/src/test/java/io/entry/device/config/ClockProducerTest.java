package io.entry.device.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    static final Instant FIXED = Instant.parse("2026-03-08T06:10:00Z");

    @Test
    void testProfileHonoursFixedAndOffsetClocks() {
        assertThat(ClockProducer.clock(true, Optional.of(FIXED), Optional.empty()).instant()).isEqualTo(FIXED);
        Clock shifted = ClockProducer.clock(true, Optional.empty(), Optional.of(Duration.ofDays(-400)));
        assertThat(shifted.instant()).isBefore(Instant.now().minus(Duration.ofDays(399)));
    }

    @Test
    void otherProfilesIgnoreTheClockSettings() {
        Clock clock = ClockProducer.clock(false, Optional.of(FIXED), Optional.of(Duration.ofDays(-400)));
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
