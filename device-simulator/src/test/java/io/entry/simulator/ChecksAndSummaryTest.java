package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.api.InputType;
import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanHistoryItem;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.entry.simulator.InvariantChecks.AreaRule;
import io.entry.simulator.InvariantChecks.State;
import io.entry.simulator.PlannedScan.Kind;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecksAndSummaryTest {

    private static final Map<Long, AreaRule> RULES = Map.of(0L, new AreaRule(true, null), 3901L, new AreaRule(true, 2));

    @Test
    void percentilesUseNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Summary.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Summary.percentile(sorted, 95)).isEqualTo(95);
        assertThat(Summary.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Summary.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Summary.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Summary.percentile(new long[0], 50)).isZero();
    }

    @Test
    void summaryCountsOutcomesPerSourceAndShowsFailedChecks() {
        List<ScanResult> log = List.of(
                online("t1", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 5_000_000),
                online("t1", null, ScanMode.ENTRY, ScanStatus.STOP, ReasonCode.ALREADY_SCANNED, 0, 9_000_000),
                online("t2", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 2_000_000),
                new ScanResult(plan("t3", ScanMode.ENTRY), "s", null, ScanSource.ONLINE, "r", 503, null, null, 0, 1),
                new ScanResult(plan("t4", ScanMode.ENTRY), "s", null, ScanSource.OFFLINE, null, 200, ScanStatus.ADMIT,
                        ReasonCode.OK, 0, 0));

        assertThat(Summary.countsByOutcome(log, ScanSource.ONLINE))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Admit OK", 2, "Stop ALREADY_SCANNED", 1, "HTTP 503", 1));
        assertThat(Summary.countsByOutcome(log, ScanSource.OFFLINE)).containsExactlyEntriesOf(Map.of("Admit OK", 1));
        String table = Summary.table(log, Map.of("files accepted", 1), Map.of("CONFLICT DOUBLE_ENTRY", 1),
                List.of(new InvariantChecks.Result("x", State.FAIL, "broken")));
        assertThat(table).contains("Admit OK", "HTTP 503", "p95", "CONFLICT DOUBLE_ENTRY", "FAIL   x — broken");
    }

    @Test
    void secondAdmittedEntryWithoutExitFailsAndWithExitPasses() {
        List<ScanResult> withExit = List.of(
                online("t1", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("t1", null, ScanMode.EXIT, ScanStatus.ADMIT, ReasonCode.EXIT_OK, 2, 3),
                online("t1", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 4, 5),
                online("t1", null, ScanMode.ENTRY, ScanStatus.STOP, ReasonCode.ALREADY_SCANNED, 6, 7));
        assertThat(InvariantChecks.admissionsWithinRules(withExit, RULES).state()).isEqualTo(State.PASS);

        List<ScanResult> doubleEntry = List.of(
                online("t1", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("t1", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 2, 3));
        assertThat(InvariantChecks.admissionsWithinRules(doubleEntry, RULES).state()).isEqualTo(State.FAIL);

        // The club allows two entries: a third, even after exits, is one too many.
        List<ScanResult> club = List.of(
                online("c", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("c", 3901L, ScanMode.EXIT, ScanStatus.ADMIT, ReasonCode.EXIT_OK, 2, 3),
                online("c", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 4, 5),
                online("c", 3901L, ScanMode.EXIT, ScanStatus.ADMIT, ReasonCode.EXIT_OK, 6, 7),
                online("c", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 8, 9));
        assertThat(InvariantChecks.admissionsWithinRules(club, RULES).state()).isEqualTo(State.FAIL);
        // The same ticket at the venue is a separate (ticket, area).
        assertThat(InvariantChecks.admissionsWithinRules(List.of(
                online("c", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("c", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1)), RULES).state())
                .isEqualTo(State.PASS);
    }

    @Test
    void occupancyBoundCountsEntriesWhenAnsweredAndExitsWhenSent() {
        // Entry a answered at 10; exit a sent at 5 (in flight while a entered): bound stays at or below truth.
        List<ScanResult> overlapping = List.of(
                online("a", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 10),
                online("a", 3901L, ScanMode.EXIT, ScanStatus.ADMIT, ReasonCode.EXIT_OK, 5, 20),
                online("b", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 11, 12));
        assertThat(InvariantChecks.occupancyLowerBoundPeak(overlapping, 3901L)).isEqualTo(1);

        List<ScanResult> three = List.of(
                online("a", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("b", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 2),
                online("c", 3901L, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 3),
                online("d", 3901L, ScanMode.ENTRY, ScanStatus.STOP, ReasonCode.AREA_FULL, 0, 4));
        assertThat(InvariantChecks.occupancyWithinCapacity(three, 3901L, 3).state()).isEqualTo(State.PASS);
        assertThat(InvariantChecks.occupancyWithinCapacity(three, 3901L, 2).state()).isEqualTo(State.FAIL);
        assertThat(InvariantChecks.occupancyLowerBoundPeak(three, 74549L)).isZero();
    }

    @Test
    void historyMustHoldEveryAnsweredScanAndMayHoldMore() {
        List<ScanResult> scans = List.of(
                online("t", null, ScanMode.ENTRY, ScanStatus.ADMIT, ReasonCode.OK, 0, 1),
                online("t", null, ScanMode.ENTRY, ScanStatus.STOP, ReasonCode.ALREADY_SCANNED, 2, 3));
        ScanHistoryItem admit = item(ScanStatus.ADMIT, ReasonCode.OK, ScanSource.ONLINE);
        ScanHistoryItem stop = item(ScanStatus.STOP, ReasonCode.ALREADY_SCANNED, ScanSource.ONLINE);
        assertThat(InvariantChecks.missingFromHistory(scans, List.of(stop, admit, admit))).isZero();
        assertThat(InvariantChecks.missingFromHistory(scans, List.of(admit))).isEqualTo(1);
        assertThat(InvariantChecks.missingFromHistory(scans,
                List.of(item(ScanStatus.ADMIT, ReasonCode.OK, ScanSource.OFFLINE), stop))).isEqualTo(1);

        assertThat(InvariantChecks.missingOnTopic(scans, Set.of("req-t-0"))).containsExactly("req-t-2");
    }

    private static ScanHistoryItem item(ScanStatus status, ReasonCode reason, ScanSource source) {
        return new ScanHistoryItem(LocalDateTime.parse("2026-12-03T18:00:00"), "-06:00", ScanMode.ENTRY, status,
                reason, reason.defaultMessage(), InputType.BARCODE, 1L, "gate", "sim-gate-01", "Gate 1", null, source,
                false);
    }

    private static PlannedScan plan(String token, ScanMode mode) {
        return new PlannedScan(0, 0.5, token, mode, InputType.BARCODE, Kind.ENTRY);
    }

    private static ScanResult online(String token, Long area, ScanMode mode, ScanStatus status, ReasonCode reason,
            long sent, long answered) {
        return new ScanResult(plan(token, mode), "sim-gate-01", area, ScanSource.ONLINE, "req-" + token + "-" + sent,
                200, status, reason, sent, answered);
    }
}
