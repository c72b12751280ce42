package io.entry.simulator;

import io.entry.model.api.ScanHistoryItem;
import io.entry.model.api.ScanSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's invariants, checked from the simulator's own log of online answers (offline admits are the
 * devices' decisions and are reconciled, not checked here). Pure: the API and Kafka reads happen elsewhere.
 */
public final class InvariantChecks {

    public enum State { PASS, FAIL, SKIP }

    public record Result(String name, State state, String detail) {

        public static Result of(String name, List<String> problems, int checked) {
            return problems.isEmpty()
                    ? new Result(name, State.PASS, checked + " checked")
                    : new Result(name, State.FAIL, problems.size() + " of " + checked + " wrong, e.g. "
                            + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    /** An area's admission rule: entries need an exit first (pairing or re-entry), and an optional entry limit. */
    public record AreaRule(boolean exitBeforeNextEntry, Integer maxEntries) {
    }

    private InvariantChecks() {
    }

    /**
     * No (ticket, area) admitted more often than allowed: admitted entries never exceed the limit, and where an
     * exit is needed between entries, never more than admitted exits + 1.
     */
    public static Result admissionsWithinRules(List<ScanResult> log, Map<Long, AreaRule> rulesByArea) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Long> areaOf = new HashMap<>();
        for (ScanResult r : log) {
            if (!r.online()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(r.ticketArea(), k -> new int[2]);
            areaOf.put(r.ticketArea(), r.specialAreaId() == null ? 0L : r.specialAreaId());
            if (r.admittedEntry()) {
                c[0]++;
            } else if (r.admittedExit()) {
                c[1]++;
            }
        }
        List<String> problems = new ArrayList<>();
        counts.forEach((ticketArea, c) -> {
            AreaRule rule = rulesByArea.getOrDefault(areaOf.get(ticketArea), new AreaRule(true, 1));
            if (rule.maxEntries() != null && c[0] > rule.maxEntries()) {
                problems.add(ticketArea + " admitted " + c[0] + " times (limit " + rule.maxEntries() + ")");
            } else if (rule.exitBeforeNextEntry() && c[0] > c[1] + 1) {
                problems.add(ticketArea + " admitted " + c[0] + " times with " + c[1] + " exits");
            }
        });
        return Result.of("no ticket admitted more often than allowed", problems, counts.size());
    }

    /**
     * The least occupancy the area can have had: an entry counts from when its answer arrived (it committed before),
     * an exit from when it was sent (it cannot have committed earlier). If even this bound exceeds the capacity, the
     * server let too many in. People inside from earlier runs only make the real occupancy higher.
     */
    public static int occupancyLowerBoundPeak(List<ScanResult> log, long areaId) {
        List<long[]> changes = new ArrayList<>();
        for (ScanResult r : log) {
            if (!r.online() || r.specialAreaId() == null || r.specialAreaId() != areaId) {
                continue;
            }
            if (r.admittedEntry()) {
                changes.add(new long[] {r.answeredNanos(), +1});
            } else if (r.admittedExit()) {
                changes.add(new long[] {r.sentNanos(), -1});
            }
        }
        // At equal times exits first, so the bound stays a lower bound.
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int occupancy = 0;
        int peak = 0;
        for (long[] change : changes) {
            occupancy += (int) change[1];
            peak = Math.max(peak, occupancy);
        }
        return peak;
    }

    public static Result occupancyWithinCapacity(List<ScanResult> log, long areaId, int capacity) {
        int peak = occupancyLowerBoundPeak(log, areaId);
        String name = "area " + areaId + " occupancy never above its capacity " + capacity;
        return peak <= capacity
                ? new Result(name, State.PASS, "least possible peak " + peak)
                : new Result(name, State.FAIL, "at least " + peak + " inside at one moment");
    }

    /**
     * How many of a ticket's answered online scans are missing from its Ticket Lookup history, matched as a
     * multiset on (serial number, mode, status, reason): history may hold more (earlier runs), never fewer.
     */
    public static int missingFromHistory(List<ScanResult> scansOfTicket, List<ScanHistoryItem> history) {
        Map<String, Integer> available = new HashMap<>();
        for (ScanHistoryItem item : history) {
            if (item.source() == ScanSource.ONLINE) {
                available.merge(historyKey(item.serialNumber(), item.scanMode().wire(), item.status().wire(),
                        item.reasonCode() == null ? null : item.reasonCode().name()), 1, Integer::sum);
            }
        }
        int missing = 0;
        for (ScanResult r : scansOfTicket) {
            if (!r.online() || !r.answered()) {
                continue;
            }
            String key = historyKey(r.serialNumber(), r.planned().mode().wire(), r.status().wire(),
                    r.reasonCode() == null ? null : r.reasonCode().name());
            int left = available.getOrDefault(key, 0);
            if (left == 0) {
                missing++;
            } else {
                available.put(key, left - 1);
            }
        }
        return missing;
    }

    /** Answered online scans whose PAC-Request-Id is not among the request ids seen on the scan topic. */
    public static List<String> missingOnTopic(List<ScanResult> log, Set<String> requestIdsOnTopic) {
        return log.stream().filter(r -> r.online() && r.answered())
                .map(ScanResult::requestId).filter(id -> !requestIdsOnTopic.contains(id)).toList();
    }

    private static String historyKey(String serial, String mode, String status, String reason) {
        return serial + "|" + mode + "|" + status + "|" + reason;
    }
}
