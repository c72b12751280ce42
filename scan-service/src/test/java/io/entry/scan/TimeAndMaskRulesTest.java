package io.entry.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.scan.service.BarcodeMasks;
import io.entry.scan.service.EventWindow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure rules of CONTRACT §4: barcode masks and the scanning window / "today". */
class TimeAndMaskRulesTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Test
    void masksMatchDigitsAnyCharacterAndLiteralsOverTheWholeToken() {
        assertThat(BarcodeMasks.matches("390###########", "39000000000001")).isTrue();
        assertThat(BarcodeMasks.matches("390###########", "3900000000000")).isFalse();
        assertThat(BarcodeMasks.matches("390###########", "3900000000000A")).isFalse();
        assertThat(BarcodeMasks.matches("AB??#", "ABx/1")).isTrue();
        assertThat(BarcodeMasks.matches("AB??#", "Ab001")).isFalse();
        assertThat(BarcodeMasks.matchesAny(List.of("1#", "2#"), "25")).isTrue();
    }

    @Test
    void windowDefaultsToDoorsTwoHoursBeforeAndEndFourHoursAfterStartPlusTwo() {
        LocalDateTime start = LocalDateTime.of(2026, 3, 1, 19, 0);
        EventWindow window = EventWindow.of(start, null, null, LA);
        assertThat(window.opens()).isEqualTo(ZonedDateTime.of(start.minusHours(2), LA).toInstant());
        assertThat(window.closes()).isEqualTo(ZonedDateTime.of(start.plusHours(6), LA).toInstant());
    }

    @Test
    void anEventStartingLateIsStillTodayAfterMidnight() {
        EventWindow window = EventWindow.of(LocalDateTime.of(2026, 3, 1, 23, 30), null, null, LA);
        Instant tenPastMidnight = ZonedDateTime.of(LocalDateTime.of(2026, 3, 2, 0, 10), LA).toInstant();
        assertThat(window.isToday(tenPastMidnight, LA)).isTrue();
        assertThat(window.contains(tenPastMidnight)).isTrue();
        Instant twoDaysLater = ZonedDateTime.of(LocalDateTime.of(2026, 3, 3, 12, 0), LA).toInstant();
        assertThat(window.isToday(twoDaysLater, LA)).isFalse();
    }

    @Test
    void localTimesInADaylightSavingGapMoveForward() {
        // 2026-03-08 02:30 does not exist in Los Angeles: it becomes 03:30 PDT
        EventWindow window = EventWindow.of(LocalDateTime.of(2026, 3, 8, 4, 30), null,
                LocalDateTime.of(2026, 3, 8, 2, 30), LA);
        assertThat(window.opens()).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    }
}
