package io.entry.simulator;

import io.entry.model.api.ScanSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The numbers of a run and their table. Pure: everything comes from the scan log and the counters passed in. */
public final class Summary {

    private Summary() {
    }

    /** Nearest-rank percentile of {@code sorted} (ascending); 0 when empty. */
    public static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Latencies of answered online scans in milliseconds, sorted. */
    public static long[] latenciesMillis(List<ScanResult> log) {
        long[] millis = log.stream().filter(r -> r.online() && r.httpStatus() > 0)
                .mapToLong(r -> r.latencyNanos() / 1_000_000).toArray();
        Arrays.sort(millis);
        return millis;
    }

    /** "Admit OK", "Stop VOID", ... or "HTTP 503" per source. */
    public static Map<String, Integer> countsByOutcome(List<ScanResult> log, ScanSource source) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ScanResult r : log) {
            if (r.source() != source) {
                continue;
            }
            String key = r.answered()
                    ? r.status().wire() + " " + (r.reasonCode() == null ? "-" : r.reasonCode().name())
                    : (r.httpStatus() == 0 ? "no answer" : "HTTP " + r.httpStatus());
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    public static String table(List<ScanResult> log, Map<String, Integer> uploads,
            Map<String, Integer> reconciliations, List<InvariantChecks.Result> checks) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Entry device simulator: summary ===\n");
        section(out, "Online scans by status and reason", countsByOutcome(log, ScanSource.ONLINE));
        section(out, "Offline scans (device decisions)", countsByOutcome(log, ScanSource.OFFLINE));
        long[] millis = latenciesMillis(log);
        out.append(String.format("%nLatency of online scans (ms, %d answers)%n", millis.length));
        out.append(String.format("  %-40s %8d%n  %-40s %8d%n  %-40s %8d%n  %-40s %8d%n",
                "p50", percentile(millis, 50), "p95", percentile(millis, 95),
                "p99", percentile(millis, 99), "max", millis.length == 0 ? 0 : millis[millis.length - 1]));
        section(out, "Offline uploads", uploads, false);
        section(out, "Reconciliation outcomes (entry.scan-reconciliations.v1)", reconciliations);
        out.append("\nInvariants\n");
        for (InvariantChecks.Result check : checks) {
            out.append(String.format("  %-6s %s%s%n", check.state(), check.name(),
                    check.detail().isEmpty() ? "" : " — " + check.detail()));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts) {
        section(out, title, counts, true);
    }

    /** A titled list of counts; the total in the title only where the counts are of one kind. */
    private static void section(StringBuilder out, String title, Map<String, Integer> counts, boolean total) {
        out.append(total ? String.format("%n%s (%d)%n", title, counts.values().stream().mapToInt(Integer::intValue)
                .sum()) : String.format("%n%s%n", title));
        if (counts.isEmpty()) {
            out.append("  (none)\n");
        }
        counts.forEach((key, count) -> out.append(String.format("  %-40s %8d%n", key, count)));
    }
}
