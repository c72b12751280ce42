package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.events.ScanReconciliationRecord;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.VendorDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request sample of the vendor document, sent through the gateway as an integrator would, in a device's day
 * order: reset the test event, session, Lite session, events, venues, ping, validate, lookup, offline upload (the
 * document's {@code gzip -c} + {@code curl --data-binary} recipe), lookup again. Runs only with
 * {@code -Dentry.e2e=true} against a running stack with the demo data loaded.
 */
@EnabledIfSystemProperty(named = "entry.e2e", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorSamplesEndToEndTest {

    private static final String BASE_URL = System.getProperty("entry.e2e.base-url", "http://127.0.0.1:18080");
    private static final String KAFKA = System.getProperty("entry.e2e.kafka", "127.0.0.1:19092");
    /** The reset route of scan-service (CONTRACT §1 admin routes live on the service's own port). */
    private static final String RESET_URL = System.getProperty("entry.e2e.reset-url",
            "http://127.0.0.1:18083/admin/v1/events/" + DemoData.TS_EVENT_ID + "/reset");
    private static final String ADMIN_SECRET = System.getProperty("entry.e2e.admin-secret", "entry-admin-local");
    private static final String API_KEY = "entry-demo-key-0001";
    private static final ZoneId TS_ZONE = ZoneId.of("America/Los_Angeles");

    private final ObjectMapper json = EntryJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void aDeviceDayOnTheVendorSamples(@TempDir Path dir) throws Exception {
        long startMillis = System.currentTimeMillis() - 5_000;

        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(RESET_URL))
                .header("Authorization", "Bearer " + ADMIN_SECRET)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).as("reset of the test event: %s", reset.body()).isBetween(200, 204);

        // Create Session: the sample as shown, with the API key.
        JsonNode session = call("Create Session", "/v1/session", "API-Authorization-Key", API_KEY, "session");
        String jwt = session.path("jwt").asText();
        assertThat(jwt.split("\\.")).hasSize(3);

        JsonNode lite = call("Create Session (Lite)", "/v1/session/lite", "API-Authorization-Key", API_KEY, "lite");
        assertThat(lite.path("jwt").asText().split("\\.")).hasSize(3);

        JsonNode events = call("Get Events", "/v1/events", "Authorization", "Bearer " + jwt, "events");
        assertThat(events.path("nfcKeys").isObject()).isTrue();
        assertThat(events.path("events").findValuesAsText("eventId")).contains(DemoData.TS_EVENT_ID);

        JsonNode venues = call("Get Venues", "/v1/venues", "API-Authorization-Key", API_KEY, "venues");
        assertThat(venues.path("venues").findValuesAsText("venueCode")).contains("BASS");

        JsonNode ping = call("Ping", "/v1/ping", "Authorization", "Bearer " + jwt, "ping");
        assertThat(ping.has("error")).isTrue();
        assertThat(ping.path("error").isNull()).isTrue();

        String validateRequestId = "e2e-" + run + "-validate";
        JsonNode validate = call("Validate Scan", "/v1/validate", "Authorization", "Bearer " + jwt, "validate");
        assertSampleValues("Validate Scan", validate, "status", "reasonCode", "reasonMessage", "eventId", "eventName",
                "token", "patronId", "firstName", "lastName", "testMode");

        String lookupPath = "/v1/tickets/" + DemoData.TS_TICKET;
        JsonNode lookup = call("Ticket Lookup", lookupPath, "Authorization", "Bearer " + jwt, "lookup");
        assertSampleValues("Ticket Lookup", lookup, "eventId", "eventName", "timeZone", "token", "ticket",
                "patronId", "firstName", "lastName");
        LocalDate today = LocalDate.now(TS_ZONE);
        assertThat(lookup.path("offset").asText())
                .isEqualTo(ZonedDateTime.of(today.atStartOfDay(), TS_ZONE).getOffset().getId());
        assertThat(lookup.path("scanHistory")).hasSize(1);
        assertThat(lookup.path("scanHistory").get(0).path("reasonCode").asText()).isEqualTo("OK");

        // Offline Scan Upload with the document's recipe. The sample's items are collapsed ({}): ours are an exit
        // and a new entry of the sample ticket by the sample device, scanned while it was offline.
        // Whole seconds after the online entry (whose time has milliseconds), so the order of history is certain.
        String now = ZonedDateTime.now(TS_ZONE).withNano(0).plusSeconds(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String later = ZonedDateTime.now(TS_ZONE).withNano(0).plusSeconds(2)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String payload = "[\n"
                + "  {\"token\": \"39000000000001\", \"inputType\": \"Barcode\", \"scanMode\": \"Exit\","
                + " \"scanDateTime\": \"" + now + "\", \"status\": \"Admit\", \"reasonCode\": \"EXIT_OK\"},\n"
                + "  {\"token\": \"39000000000001\", \"inputType\": \"Barcode\", \"scanMode\": \"Entry\","
                + " \"scanDateTime\": \"" + later + "\", \"status\": \"Admit\", \"reasonCode\": \"OK\"}\n]\n";
        Files.writeString(dir.resolve("payload.json"), payload);
        shell(dir, "gzip -c payload.json > payload.json.gz");
        String filename = "123456789_" + run;
        String uploadRequestId = "e2e-" + run + "-upload";
        String uploadOut = shell(dir, "curl -sS -w '\\n%{http_code}' -X POST '" + BASE_URL + "/v1/offline-scans/"
                + DemoData.TS_EVENT_ID + "' -H 'API-Authorization-Key: " + API_KEY + "' -H 'PAC-Request-ID: "
                + uploadRequestId + "' -H 'Content-Type: application/json' -H 'Content-Encoding: gzip'"
                + " -H 'Filename: " + filename + "' --data-binary @payload.json.gz");
        String[] parts = uploadOut.strip().split("\n");
        assertThat(parts[parts.length - 1]).as("upload answer: %s", uploadOut).isEqualTo("200");
        JsonNode upload = json.readTree(String.join("\n", List.of(parts).subList(0, parts.length - 1)));
        assertSameFields(VendorDocument.section("Offline Scan Upload").response(), upload);
        assertThat(upload.path("message").asText()).startsWith(
                "Entry Offline Scan - Upload to S3 bucket entry-offline-scans successful at incoming/390/DEPLOY/TEST/");
        assertThat(upload.path("accepted").asInt()).isEqualTo(2);

        // Kafka: the online scan by its PAC-Request-Id, the two replayed offline scans, their reconciliations.
        KafkaVerifier kafka = new KafkaVerifier(KAFKA, startMillis);
        KafkaVerifier.ScanTopic topic = kafka.readScanEvents(Set.of(validateRequestId), Duration.ofSeconds(30));
        assertThat(topic.requestIds()).contains(validateRequestId);
        KafkaVerifier.ScanTopic offline = awaitOfflineRecords(kafka, filename);
        assertThat(offline.offlineRecordsByFilename().get(filename)).isEqualTo(2);
        List<ScanReconciliationRecord> reconciliations = kafka.readReconciliations(Set.of(DemoData.TS_TICKET), 2,
                Duration.ofSeconds(30));
        assertThat(reconciliations).filteredOn(r -> DemoData.TS_EVENT_ID.equals(r.eventId())).hasSizeGreaterThanOrEqualTo(2);

        // Lookup again: the history now holds the online entry and both offline scans, newest first.
        JsonNode after = awaitHistory(jwt, lookupPath, 3);
        List<String> sources = new ArrayList<>();
        after.path("scanHistory").forEach(item -> sources.add(item.path("source").asText()));
        assertThat(sources).containsExactly("Offline", "Offline", "Online");
    }

    /** Sends the section's request sample exactly as the document shows it, and checks the response's fields. */
    private JsonNode call(String section, String path, String authHeader, String authValue, String step)
            throws IOException, InterruptedException {
        VendorDocument.Samples samples = VendorDocument.section(section);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("PAC-Request-Id", "e2e-" + run + "-" + step)
                .header(authHeader, authValue)
                .POST(HttpRequest.BodyPublishers.ofString(samples.requestText(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s answered %s", section, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("PAC-Request-Id")).contains("e2e-" + run + "-" + step);
        JsonNode body = json.readTree(response.body());
        assertSameFields(samples.response(), body);
        return body;
    }

    /** Every field of the sample is present with the same JSON type (null in the sample allows anything). */
    private static void assertSameFields(JsonNode sample, JsonNode actual) {
        for (Iterator<String> names = sample.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(actual.has(name)).as("field %s in %s", name, actual).isTrue();
            JsonNode expected = sample.get(name);
            if (!expected.isNull() && !actual.get(name).isNull() && !(expected.isObject() && expected.isEmpty())) {
                assertThat(actual.get(name).getNodeType()).as("type of %s", name).isEqualTo(expected.getNodeType());
            }
        }
    }

    private static void assertSampleValues(String section, JsonNode actual, String... fields) {
        JsonNode sample = VendorDocument.section(section).response();
        for (String field : fields) {
            assertThat(actual.get(field)).as("%s.%s", section, field).isEqualTo(sample.get(field));
        }
    }

    private KafkaVerifier.ScanTopic awaitOfflineRecords(KafkaVerifier kafka, String filename) {
        KafkaVerifier.ScanTopic topic = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            topic = kafka.readScanEvents(Set.of("never-" + filename), Duration.ofSeconds(5));
            if (topic.offlineRecordsByFilename().getOrDefault(filename, 0) >= 2) {
                break;
            }
        }
        return topic;
    }

    private JsonNode awaitHistory(String jwt, String path, int items) throws Exception {
        JsonNode body = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                    .header("Authorization", "Bearer " + jwt).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            body = json.readTree(response.body());
            if (body.path("scanHistory").size() >= items) {
                return body;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return body;
    }

    private static String shell(Path dir, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, out).isZero();
        return out;
    }
}
