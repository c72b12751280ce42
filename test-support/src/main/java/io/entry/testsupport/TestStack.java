package io.entry.testsupport;

/**
 * Addresses of the test stack that {@code ./entry test} (or {@code ENTRY_STACK=test deploy/local/infra.sh start})
 * runs: its own ports, so tests never touch a running dev stack. Overridable with the same variables as env.sh.
 */
public final class TestStack {

    private TestStack() {
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + env("ENTRY_KAFKA_PORT", "19092");
    }

    public static int postgresPort() {
        return Integer.parseInt(env("ENTRY_PG_PORT", "15432"));
    }

    public static String s3Endpoint() {
        return "http://127.0.0.1:" + env("ENTRY_S3_PORT", "19000");
    }

    public static String gatewayUrl() {
        return "http://127.0.0.1:" + env("ENTRY_GATEWAY_PORT", "18080");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
