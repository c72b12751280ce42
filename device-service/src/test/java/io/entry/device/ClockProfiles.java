package io.entry.device;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Test-profile clocks (entry.clock.*) for the "today" and daylight-saving rules of CONTRACT §4. */
final class ClockProfiles {

    /** 00:10 CST on 2026-03-08 in America/Chicago, the day clocks spring forward (02:00 -> 03:00). */
    static final Instant SPRING_NOW = Instant.parse("2026-03-08T06:10:00Z");
    /** 00:10 CDT on 2026-11-01 in America/Chicago, the day clocks fall back (02:00 -> 01:00). */
    static final Instant AUTUMN_NOW = Instant.parse("2026-11-01T05:10:00Z");

    private ClockProfiles() {
    }

    /** A fixed clock. */
    public static class SpringForward implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entry.clock.fixed", SPRING_NOW.toString());
        }
    }

    /**
     * A shifted clock: now moved to the autumn instant (give or take the seconds the test takes). The outbox relay
     * of this app talks to a broker that is not there, as during a Kafka outage.
     */
    public static class FallBack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entry.clock.offset", Duration.between(Instant.now(), AUTUMN_NOW).toString(),
                    "entry.outbox.bootstrap-servers", "127.0.0.1:1");
        }
    }
}
