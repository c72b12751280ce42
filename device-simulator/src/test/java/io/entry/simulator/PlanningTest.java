package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.entry.model.api.ScanMode;
import io.entry.simulator.PlannedScan.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanningTest {

    @Test
    void arrivalCurveRisesFromZeroToOneAndPeaksLate() {
        ArrivalCurve curve = new ArrivalCurve();
        assertThat(curve.cumulativeShare(0)).isZero();
        assertThat(curve.cumulativeShare(1)).isEqualTo(1.0);
        double previous = 0;
        for (int i = 1; i <= 100; i++) {
            double share = curve.cumulativeShare(i / 100.0);
            assertThat(share).isGreaterThanOrEqualTo(previous);
            previous = share;
        }
        // The busiest stretch is in the second half: less than a third have arrived at half time.
        assertThat(curve.cumulativeShare(0.5)).isLessThan(1.0 / 3);
        assertThat(curve.timeOfShare(curve.cumulativeShare(0.42))).isCloseTo(0.42, within(1e-6));
        double[] times = curve.arrivalTimes(1000);
        assertThat(times).isSorted();
        long inPeak = java.util.Arrays.stream(times).filter(t -> t >= 0.5 && t < 0.7).count();
        long inFirstFifth = java.util.Arrays.stream(times).filter(t -> t < 0.2).count();
        assertThat(inPeak).isGreaterThan(4 * inFirstFifth);
    }

    @Test
    void evenRatesGiveAStraightLine() {
        ArrivalCurve flat = new ArrivalCurve(new double[] {1, 1, 1, 1});
        assertThat(flat.cumulativeShare(0.3)).isCloseTo(0.3, within(1e-9));
        assertThatThrownBy(() -> new ArrivalCurve(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planIsDeterministicPerSeedAndCoversEveryKindOfScan() {
        ScenarioPlanner planner = new ScenarioPlanner(12, 2, new ArrivalCurve());
        List<PlannedScan> plan = planner.plan(3000, 7);

        assertThat(plan).isEqualTo(planner.plan(3000, 7));
        assertThat(plan).isNotEqualTo(planner.plan(3000, 8));
        assertThat(plan.size()).isBetween(3000, 3003);
        assertThat(plan).extracting(PlannedScan::at).isSorted();
        Map<Kind, Long> kinds = plan.stream().collect(Collectors.groupingBy(PlannedScan::kind, Collectors.counting()));
        assertThat(kinds.keySet()).contains(Kind.ENTRY, Kind.REREAD, Kind.EXIT, Kind.REENTRY, Kind.VOID,
                Kind.REISSUED, Kind.INVALID, Kind.FOREIGN, Kind.CLUB_ENTRY, Kind.CLUB_EXIT, Kind.NOT_ENTITLED,
                Kind.CROSS_OFFLINE);
        assertThat(plan).filteredOn(s -> s.kind() == Kind.CLUB_ENTRY || s.kind() == Kind.CLUB_EXIT)
                .allSatisfy(s -> assertThat(planner.isClubDevice(s.device())).isTrue());
        assertThat(plan).filteredOn(s -> s.kind() == Kind.CROSS_OFFLINE)
                .allSatisfy(s -> assertThat(planner.offlineAt(s.device(), s.at())).isTrue());
        // Exits of a story come after its entry.
        Map<String, List<PlannedScan>> byToken = plan.stream().filter(s -> s.kind() == Kind.EXIT)
                .collect(Collectors.groupingBy(PlannedScan::token));
        byToken.forEach((token, exits) -> {
            double firstEntry = plan.stream().filter(s -> s.token().equals(token) && s.mode() == ScanMode.ENTRY)
                    .mapToDouble(PlannedScan::at).min().orElseThrow();
            assertThat(exits.get(0).at()).isGreaterThanOrEqualTo(firstEntry);
        });
    }

    @Test
    void offlineWindowOnlyForOfflineGates() {
        ScenarioPlanner planner = new ScenarioPlanner(12, 2, new ArrivalCurve());
        assertThat(planner.gates()).isEqualTo(10);
        assertThat(planner.offlineAt(0, 0.5)).isTrue();
        assertThat(planner.offlineAt(0, 0.1)).isFalse();
        assertThat(planner.offlineAt(0, 0.9)).isFalse();
        assertThat(planner.offlineAt(2, 0.5)).isFalse();
        assertThat(planner.isClubDevice(10)).isTrue();
    }

    @Test
    void optionsAcceptOnlyLocalTargetsAndBoundedNumbers() {
        SimulatorOptions defaults = SimulatorOptions.parse();
        assertThat(defaults.baseUrl().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(defaults.kafka()).isEqualTo("127.0.0.1:9092");
        assertThat(SimulatorOptions.parse("--base-url", "http://localhost:18080/", "--kafka", "none")
                .baseUrl().toString()).isEqualTo("http://localhost:18080");
        assertThatThrownBy(() -> SimulatorOptions.parse("--base-url", "http://example.com:8080"))
                .hasMessageContaining("local");
        assertThatThrownBy(() -> SimulatorOptions.parse("--kafka", "10.0.0.5:9092")).hasMessageContaining("local");
        assertThatThrownBy(() -> SimulatorOptions.parse("--scans", "0")).hasMessageContaining("between");
        assertThatThrownBy(() -> SimulatorOptions.parse("--devices", "4", "--offline-devices", "3"))
                .hasMessageContaining("at least one gate");
        assertThatThrownBy(() -> SimulatorOptions.parse("--seed")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse("--bogus", "1")).hasMessageContaining("unknown option");
    }
}
