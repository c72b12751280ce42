package io.entry.simulator;

import java.net.URI;
import java.time.Duration;

/** Command-line options; every target must be on this machine (127.0.0.1 or localhost). */
public record SimulatorOptions(
        URI baseUrl,
        String apiKey,
        int devices,
        int scans,
        int offlineDevices,
        String kafka,
        long seed,
        Duration durationLimit,
        Duration rush) {

    public static final String USAGE = """
            usage: device-simulator [options]
              --base-url URL          gateway base URL (default http://127.0.0.1:8080)
              --api-key KEY           API-Authorization-Key (default entry-demo-key-0001)
              --devices N             devices, about one in six at the Husker Club (default 12, 2..200)
              --scans N               planned scans (default 3000, 1..200000)
              --offline-devices N     gate devices that lose the network mid-rush (default 2)
              --kafka HOST:PORT|none  bootstrap for the Kafka checks (default 127.0.0.1:9092)
              --seed N                picks the tickets; use another seed to rerun on the same day (default 7)
              --rush-seconds N        length of the arrival curve (default 30)
              --duration-limit N      hard limit in seconds for the whole run, checks included (default 300)
            """;

    public static SimulatorOptions parse(String... args) {
        URI baseUrl = URI.create("http://127.0.0.1:8080");
        String apiKey = "entry-demo-key-0001";
        int devices = 12;
        int scans = 3000;
        int offline = 2;
        String kafka = "127.0.0.1:9092";
        long seed = 7;
        long limit = 300;
        long rush = 30;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--base-url" -> baseUrl = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                case "--api-key" -> apiKey = value;
                case "--devices" -> devices = intIn(name, value, 2, 200);
                case "--scans" -> scans = intIn(name, value, 1, 200_000);
                case "--offline-devices" -> offline = intIn(name, value, 0, 199);
                case "--kafka" -> kafka = value;
                case "--seed" -> seed = Long.parseLong(value);
                case "--rush-seconds" -> rush = intIn(name, value, 1, 3600);
                case "--duration-limit" -> limit = intIn(name, value, 10, 86_400);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (!"http".equals(baseUrl.getScheme()) || !isLocal(baseUrl.getHost())) {
            throw new IllegalArgumentException("--base-url must be http://127.0.0.1:<port> (local targets only)");
        }
        if (!kafka.equals("none") && !isLocal(kafka.substring(0, Math.max(0, kafka.lastIndexOf(':'))))) {
            throw new IllegalArgumentException("--kafka must be 127.0.0.1:<port> or none (local targets only)");
        }
        int gates = devices - clubDevices(devices);
        if (offline > gates - 1) {
            throw new IllegalArgumentException("--offline-devices must leave at least one gate device online (max "
                    + (gates - 1) + ")");
        }
        if (rush >= limit) {
            throw new IllegalArgumentException("--rush-seconds must be shorter than --duration-limit");
        }
        return new SimulatorOptions(baseUrl, apiKey, devices, scans, offline, kafka, seed, Duration.ofSeconds(limit),
                Duration.ofSeconds(rush));
    }

    /** About one device in six scans at the Husker Club, at least one. */
    public static int clubDevices(int devices) {
        return Math.max(1, devices / 6);
    }

    public boolean kafkaChecks() {
        return !kafka.equals("none");
    }

    private static boolean isLocal(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }

    private static int intIn(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return parsed;
    }
}
