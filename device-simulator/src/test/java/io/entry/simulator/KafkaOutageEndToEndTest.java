package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * With the real Kafka broker stopped, scans are still answered, scan-service stays ready, Kafka's own health group
 * says DOWN, and every answered scan reaches {@code entry.scan-events.v1} once the broker is back (the outbox,
 * CONTRACT §5). Runs against the running test stack (./entry test) and stops and starts its Kafka with the
 * project's own script.
 */
@EnabledIfSystemProperty(named = "entry.e2e", matches = "true")
class KafkaOutageEndToEndTest {

    private static final String BASE_URL = System.getProperty("entry.e2e.base-url", "http://127.0.0.1:18080");
    private static final String KAFKA = System.getProperty("entry.e2e.kafka", "127.0.0.1:19092");
    private static final String SCAN_URL = System.getProperty("entry.e2e.scan-url", "http://127.0.0.1:18083");
    private static final File INFRA_SCRIPT = new File("../deploy/local/infra.sh");

    private final ObjectMapper json = EntryJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void scansAnsweredWhileKafkaIsDownReachTheTopicWhenItIsBack() throws Exception {
        long since = System.currentTimeMillis() - 5_000;
        String jwt = session();
        Set<String> requestIds = new LinkedHashSet<>();
        try {
            infra("stop");
            for (int i = 0; i < 5; i++) {
                String requestId = "outage-" + run + "-" + i;
                HttpResponse<String> answer = post("/v1/validate", requestId, "Bearer " + jwt, """
                        {"token": "%s", "inputType": "Barcode", "scanMode": "Entry"}"""
                        .formatted(String.format("391%011d", 69_900 + i)));
                assertThat(answer.statusCode()).as("scan answered while Kafka is down: %s", answer.body())
                        .isEqualTo(200);
                assertThat(json.readTree(answer.body()).path("status").asText()).isIn("Admit", "Stop");
                requestIds.add(requestId);
            }
            assertThat(get(SCAN_URL + "/q/health/ready").statusCode()).as("readiness ignores Kafka").isEqualTo(200);
            assertThat(get(SCAN_URL + "/q/health/group/kafka").statusCode()).as("Kafka's own group").isEqualTo(503);
        } finally {
            infra("start");
        }
        KafkaVerifier.ScanTopic topic = new KafkaVerifier(KAFKA, since)
                .readScanEvents(requestIds, Duration.ofSeconds(90));
        assertThat(topic.requestIds()).as("scan events published after Kafka came back").containsAll(requestIds);
    }

    private String session() throws Exception {
        HttpResponse<String> response = post("/v1/session", "outage-" + run + "-session", null, """
                {"venueCode": "MEM", "dataAccountId": "390", "serialNumber": "outage-%s", "make": "Janam",
                 "model": "XT3"}""".formatted(run));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        return body.path("jwt").asText();
    }

    private HttpResponse<String> post(String path, String requestId, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("PAC-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization == null) {
            request.header("API-Authorization-Key", "entry-demo-key-0001");
        } else {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void infra(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", INFRA_SCRIPT.getPath(), command, "kafka")
                .inheritIO();
        builder.environment().put("ENTRY_STACK", "test");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("infra.sh %s kafka finished", command).isTrue();
        assertThat(process.exitValue()).as("infra.sh %s kafka", command).isZero();
    }
}
