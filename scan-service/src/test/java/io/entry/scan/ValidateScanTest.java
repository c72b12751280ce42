package io.entry.scan;

import static io.entry.scan.ScanFixture.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.entry.model.events.Topics;
import io.entry.scan.config.KafkaProducerFactory;
import io.entry.scan.messaging.OutboxRelay;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.DemoTokens;
import io.entry.testsupport.TestStack;
import io.entry.testsupport.VendorDocument;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Validate Scan, Ticket Lookup, retries, the outbox and the admin routes against the real test stack. Rule tests
 * use this run's own catalog ({@link ScanFixture}); only the vendor-sample test uses the demo event.
 */
@QuarkusTest
class ValidateScanTest {

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @TestHTTPResource("/v1/validate")
    URL validateUrl;

    @BeforeEach
    void catalogIsLoaded() {
        ScanFixture.ensurePublished();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM ticket WHERE event_id = $1",
                EVENT) >= VALID_TICKETS + 4
                && count("SELECT count(*) FROM special_area WHERE special_area_id IN ($1, $2)", AREA_PAIRED,
                        AREA_OFFLINE_CAPACITY_1) == 2
                && count("SELECT count(*) FROM event WHERE event_id = $1", EVENT_ELSEWHERE) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM event WHERE event_id = $1", DemoData.TS_EVENT_ID) == 1);
    }

    // ---------------------------------------------------------------- vendor sample

    @Test
    void vendorValidateSampleAnswersTheVendorResponseSample() throws Exception {
        publishDemoTicket();
        given().header("Authorization", "Bearer entry-admin-local")
                .post("/admin/v1/events/{id}/reset", DemoData.TS_EVENT_ID).then().statusCode(200);
        VendorDocument.Samples sample = VendorDocument.section("Validate Scan");
        JsonNode expected = sample.response();
        Response response = given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body(sample.requestText()).post("/v1/validate");
        response.then().statusCode(200);
        JsonNode actual = JSON.readTree(response.asString());
        for (String field : List.of("status", "reasonCode", "reasonMessage", "eventId", "eventName", "token",
                "patronId", "firstName", "lastName", "testMode")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        List<String> expectedFields = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedFields::add);
        List<String> actualFields = new ArrayList<>();
        actual.fieldNames().forEachRemaining(actualFields::add);
        assertThat(actualFields).containsExactlyInAnyOrderElementsOf(expectedFields);
        assertThat(actual.get("seatInfo").get("section").asText()).isEqualTo("101");
    }

    private void publishDemoTicket() throws Exception {
        try (var producer = ScanFixture.producer()) {
            for (var t : DemoData.smallTickets()) {
                var withId = DemoData.withTicketRecordId(t);
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.CATALOG_TICKETS,
                        withId.key(), JSON.writeValueAsString(withId))).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM ticket WHERE data_account_id = '390' AND token = $1", DemoData.TS_TICKET) == 1);
    }

    // ---------------------------------------------------------------- each reason code

    @Test
    void entryAdmitsOnceThenAlreadyScannedNamingWhenAndWhere() {
        String venueDevice = device(newDeviceId(), null);
        scan(venueDevice, token(20), "Entry").then().body("status", equalTo("Admit")).body("reasonCode", equalTo("OK"))
                .body("reasonMessage", equalTo("Good Ticket")).body("eventId", equalTo(EVENT))
                .body("ticket", equalTo("T-" + token(20))).body("seatInfo.seat", equalTo("7"));
        scan(venueDevice, token(20), "Entry").then().body("status", equalTo("Stop"))
                .body("reasonCode", equalTo("ALREADY_SCANNED")).body("reasonMessage", containsString("Test Gate"));
    }

    @Test
    void venueWithoutReentryRefusesASecondEntryAfterExit() {
        String venueDevice = device(newDeviceId(), null);
        assertCode(scan(venueDevice, token(21), "Entry"), "OK");
        assertCode(scan(venueDevice, token(21), "Exit"), "EXIT_OK");
        assertCode(scan(venueDevice, token(21), "Entry"), "MAX_ENTRIES_REACHED");
    }

    @Test
    void pairedAreaNeedsEntryBeforeExit() {
        String paired = device(newDeviceId(), AREA_PAIRED);
        assertCode(scan(paired, token(22), "Exit"), "NOT_INSIDE");
        assertCode(scan(paired, token(22), "Entry"), "OK");
        assertCode(scan(paired, token(22), "Exit"), "EXIT_OK");
        assertCode(scan(paired, token(22), "Entry"), "OK");
        assertCode(scan(paired, token(22), "Exit"), "EXIT_OK");
        assertCode(scan(paired, token(22), "Entry"), "MAX_ENTRIES_REACHED");
    }

    @Test
    void unknownTicketsAreInvalidFormatOrNotFoundByMask() {
        String venueDevice = device(newDeviceId(), null);
        assertCode(scan(venueDevice, "12345", "Entry"), "INVALID_FORMAT");
        assertCode(scan(venueDevice, token(899999), "Entry"), "NOT_FOUND");
        assertCode(scan(venueDevice, "12345", "Entry", "NFC", false, null), "NOT_FOUND");
        assertCode(scan(venueDevice, "12345", "Exit"), "INVALID_FORMAT");
    }

    @Test
    void ticketStatusEventAndTimeRulesStopEntries() {
        String venueDevice = device(newDeviceId(), null);
        assertCode(scan(venueDevice, VOID_TOKEN, "Entry"), "VOID");
        assertCode(scan(venueDevice, REISSUED_TOKEN, "Entry"), "REISSUED");
        assertCode(scan(venueDevice, ELSEWHERE_TOKEN, "Entry"), "WRONG_EVENT");
        assertCode(scan(venueDevice, EARLY_TOKEN, "Entry"), "TOO_EARLY");
        assertCode(scan(venueDevice, LATE_TOKEN, "Entry"), "TOO_LATE");
        // void and time windows do not stop an exit; a venue without re-entry records any exit
        assertCode(scan(venueDevice, VOID_TOKEN, "Exit"), "EXIT_OK");
        assertCode(scan(venueDevice, LATE_TOKEN, "Exit"), "EXIT_OK");
        assertCode(scan(venueDevice, ELSEWHERE_TOKEN, "Exit"), "WRONG_EVENT");
    }

    @Test
    void entitlementIsRequiredWhereTheAreaSaysSo() {
        String entitledArea = device(newDeviceId(), AREA_ENTITLED);
        assertCode(scan(entitledArea, token(23), "Entry"), "NOT_ENTITLED");
        assertCode(scan(entitledArea, ENTITLED_TOKEN, "Entry"), "OK");
    }

    @Test
    void fullAreaRefusesUntilSomeoneLeaves() {
        String small = device(newDeviceId(), AREA_CAPACITY_1);
        assertCode(scan(small, token(24), "Entry"), "OK");
        assertCode(scan(small, token(25), "Entry"), "AREA_FULL");
        assertThat(stateEntries(token(25), AREA_CAPACITY_1)).isZero();
        assertCode(scan(small, token(24), "Exit"), "EXIT_OK");
        assertCode(scan(small, token(25), "Entry"), "OK");
    }

    @Test
    void areaWithoutPairingAdmitsWhileInsideUntilEntriesAreUsed() {
        String free = device(newDeviceId(), AREA_NO_PAIRING);
        assertCode(scan(free, token(26), "Entry"), "OK");
        assertCode(scan(free, token(26), "Entry"), "OK");
        assertCode(scan(free, token(26), "Entry"), "MAX_ENTRIES_REACHED");
        assertCode(scan(free, token(27), "Exit"), "EXIT_OK");
    }

    @Test
    void limitedSessionsCannotValidateAndTokensAreRequired() {
        scan(DemoTokens.limited(), token(28), "Entry").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(body(token(28), "Entry", "Barcode", false))
                .post("/v1/validate").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(device(newDeviceId(), null)).contentType(ContentType.JSON)
                .body("{\"token\":\"1\",\"inputType\":\"Barcode\",\"scanMode\":\"Sideways\"}")
                .post("/v1/validate").then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details[0].field", equalTo("scanMode"));
    }

    // ---------------------------------------------------------------- test mode, retries

    @Test
    void testModeEvaluatesButChangesNothing() {
        String paired = device(newDeviceId(), AREA_PAIRED);
        long occupancyBefore = occupancy(AREA_PAIRED);
        scan(paired, token(30), "Entry", "Barcode", true, null).then().body("reasonCode", equalTo("OK"))
                .body("testMode", equalTo(true));
        assertThat(stateEntries(token(30), AREA_PAIRED)).isZero();
        assertThat(occupancy(AREA_PAIRED)).isEqualTo(occupancyBefore);
        assertThat(count("SELECT count(*) FROM area_capacity_slot WHERE area_id = $1 AND holder_token = $2",
                AREA_PAIRED, token(30))).isZero();
        assertCode(scan(paired, token(30), "Entry"), "OK");
        assertCode(scan(paired, token(30), "Entry", "Barcode", true, null), "ALREADY_SCANNED");
        scan(paired, token(30), "Exit", "Barcode", true, null).then().body("reasonCode", equalTo("EXIT_OK"));
        assertThat(occupancy(AREA_PAIRED)).isEqualTo(occupancyBefore + 1);
        assertThat(count("SELECT count(*) FROM scan_history WHERE token = $1 AND test_mode", token(30))).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstAnswerAndRecordsNothing() {
        long deviceId = newDeviceId();
        String venueDevice = device(deviceId, null);
        String requestId = "retry-" + UUID.randomUUID();
        assertCode(scan(venueDevice, token(31), "Entry", "Barcode", false, requestId), "OK");
        scan(venueDevice, token(31), "Entry", "Barcode", false, requestId).then().statusCode(200)
                .header("PAC-Request-Id", requestId).body("reasonCode", equalTo("OK"));
        assertThat(count("SELECT count(*) FROM scan_history WHERE token = $1", token(31))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE request_id = $1", requestId)).isEqualTo(1);
        scan(venueDevice, token(32), "Entry", "Barcode", false, requestId).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        // another device with the same id is another scan
        assertCode(scan(device(deviceId + 1, null), token(31), "Entry", "Barcode", false, requestId),
                "ALREADY_SCANNED");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void fiftyPairsOfSimultaneousEntriesAdmitExactlyFifty() {
        String first = device(newDeviceId(), null);
        String second = device(newDeviceId(), null);
        List<String> tokens = IntStream.range(100, 150).mapToObj(ScanFixture::token).toList();
        List<Map.Entry<String, String>> scans = new ArrayList<>();
        for (String token : tokens) {
            scans.add(Map.entry(first, token));
            scans.add(Map.entry(second, token));
        }
        List<JsonNode> answers = concurrently(scans, null);
        assertThat(answers.stream().filter(a -> a.get("reasonCode").asText().equals("OK")).count()).isEqualTo(50);
        Map<String, Long> admitsPerToken = answers.stream().filter(a -> a.get("reasonCode").asText().equals("OK"))
                .collect(Collectors.groupingBy(a -> a.get("token").asText(), Collectors.counting()));
        assertThat(admitsPerToken).hasSize(50).allSatisfy((token, admits) -> assertThat(admits).isEqualTo(1));
        assertThat(answers).allSatisfy(a -> assertThat(a.get("reasonCode").asText()).isIn("OK", "ALREADY_SCANNED"));
    }

    @Test
    void twoHundredSimultaneousEntriesIntoCapacityHundredAdmitExactlyHundred() {
        List<Map.Entry<String, String>> scans = new ArrayList<>();
        for (int n = 200; n < 400; n++) {
            scans.add(Map.entry(device(newDeviceId(), AREA_CAPACITY_100), token(n)));
        }
        List<JsonNode> answers = concurrently(scans, null);
        Map<String, Long> codes = answers.stream()
                .collect(Collectors.groupingBy(a -> a.get("reasonCode").asText(), Collectors.counting()));
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 100L, "AREA_FULL", 100L));
        assertThat(occupancy(AREA_CAPACITY_100)).isEqualTo(100);
    }

    // ---------------------------------------------------------------- lookup

    @Test
    void ticketLookupWithALimitedTokenShowsTheHistoryNewestFirst() {
        String paired = device(newDeviceId(), AREA_PAIRED);
        assertCode(scan(paired, token(33), "Entry"), "OK");
        assertCode(scan(paired, token(33), "Exit"), "EXIT_OK");
        given().auth().oauth2(DemoTokens.limited()).contentType(ContentType.JSON).body("{\"inputType\":\"Barcode\"}")
                .post("/v1/tickets/{barcode}", token(33)).then().statusCode(200)
                .body("eventId", equalTo(EVENT)).body("eventName", equalTo("Scan Test " + RUN))
                .body("timeZone", equalTo(ZONE.getId())).body("venue.venueCode", equalTo(VENUE))
                .body("ticket", equalTo("T-" + token(33))).body("patronId", equalTo("P" + token(33)))
                .body("seatInfo.section", equalTo("S1"))
                .body("scanHistory", hasSize(2))
                .body("scanHistory[0].scanMode", equalTo("Exit")).body("scanHistory[1].scanMode", equalTo("Entry"))
                .body("scanHistory[1].reasonCode", equalTo("OK")).body("scanHistory[1].source", equalTo("Online"))
                .body("scanHistory[1].checkpointName", equalTo("Test Gate"))
                .body("scanHistory[1].specialAreaName", equalTo("Paired"));
        given().auth().oauth2(DemoTokens.limited()).get("/v1/tickets/{barcode}", token(33)).then().statusCode(200)
                .body("scanHistory", hasSize(2));
    }

    @Test
    void ticketLookupDecodesTheBarcodeAndNeverCrossesAccounts() {
        String encoded = URLEncoder.encode(ODD_TOKEN, StandardCharsets.UTF_8);
        given().auth().oauth2(DemoTokens.limited()).urlEncodingEnabled(false).get("/v1/tickets/" + encoded).then()
                .statusCode(200).body("token", equalTo(ODD_TOKEN));
        given().auth().oauth2(DemoTokens.full()).get("/v1/tickets/{barcode}", token(899998)).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        Map<String, Object> otherAccount = DemoTokens.limitedClaims();
        otherAccount.put("dataAccountId", "129");
        given().auth().oauth2(DemoTokens.sign(otherAccount)).get("/v1/tickets/{barcode}", token(33)).then()
                .statusCode(404);
    }

    @Test
    void ticketLookupTakesTheWholeRawPathSegmentAsTheBarcode() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM ticket WHERE token = $1", SEMICOLON_TOKEN) == 1);
        String limited = DemoTokens.limited();
        // a ';' is part of the barcode, not a matrix parameter: the known ticket before it is not found
        given().auth().oauth2(limited).urlEncodingEnabled(false).get("/v1/tickets/" + token(34) + ";garbage")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().auth().oauth2(limited).urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/v1/tickets/" + token(34) + ";garbage").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().auth().oauth2(limited).urlEncodingEnabled(false).get("/v1/tickets/" + token(34)).then()
                .statusCode(200).body("token", equalTo(token(34)));
        // decoded once: %3B is a ';' of the token, %253B stays "%3B"
        given().auth().oauth2(limited).urlEncodingEnabled(false)
                .get("/v1/tickets/" + URLEncoder.encode(SEMICOLON_TOKEN, StandardCharsets.UTF_8)).then()
                .statusCode(200).body("token", equalTo(SEMICOLON_TOKEN));
        given().auth().oauth2(limited).urlEncodingEnabled(false).get("/v1/tickets/88" + RUN + "%253Bv2").then()
                .statusCode(404);
        // NUL and non-UTF-8 bytes: 400 with the error body, never a 500
        for (String bad : List.of(token(34) + "%00", "%00", "%FF%FE")) {
            String[] answer = rawGet("/v1/tickets/" + bad, limited);
            assertThat(answer[0]).as(bad).startsWith("HTTP/1.1 400");
            JsonNode error = ScanFixture.JSON.readTree(answer[1]).get("error");
            assertThat(error.get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("barcode");
        }
        // invalid percent-encoding is refused by Vert.x's HTTP layer before any handler runs (400 without a body;
        // through the gateway, nginx refuses it first with the contract's body: GatewayEndToEndTest)
        for (String bad : List.of(token(34) + "%zz", token(34) + "%4")) {
            assertThat(rawGet("/v1/tickets/" + bad, limited)[0]).as(bad).startsWith("HTTP/1.1 400");
        }
        given().auth().oauth2(limited).urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/v1/tickets/" + token(34) + "%00").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
    }

    /** HTTP clients refuse to send invalid percent-encoding, so this one writes the request line itself. */
    private String[] rawGet(String rawPath, String bearer) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(validateUrl.getHost(), validateUrl.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int bodyStart = response.indexOf("\r\n\r\n");
            return new String[] { response.substring(0, response.indexOf("\r\n")),
                    bodyStart < 0 ? "" : response.substring(bodyStart + 4) };
        }
    }

    @Test
    void anEventIdWithNulIsRefusedBeforeReachingTheDatabase() {
        given().header("Authorization", "Bearer entry-admin-local").urlEncodingEnabled(false)
                .post("/admin/v1/events/390:SCANTEST:R%00/reset").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
    }

    // ---------------------------------------------------------------- outbox and the scan-event stream

    @Test
    void everyDecisionIsPublishedWithKeyAndHeaders() throws Exception {
        try (KafkaConsumer<String, String> consumer = scanEventConsumer()) {
            String requestId = "evt-" + UUID.randomUUID();
            assertCode(scan(device(newDeviceId(), null), token(40), "Entry", "Barcode", false, requestId), "OK");
            ConsumerRecord<String, String> record = awaitRecord(consumer, ACCOUNT + ":" + token(40));
            assertThat(header(record, "eventType")).isEqualTo("ScanEvent");
            assertThat(header(record, "schemaVersion")).isEqualTo("1");
            assertThat(header(record, "PAC-Request-Id")).isEqualTo(requestId);
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("source").asText()).isEqualTo("Online");
            assertThat(value.get("reasonCode").asText()).isEqualTo("OK");
            assertThat(value.get("eventId").asText()).isEqualTo(EVENT);
            assertThat(value.get("recordId").asText()).isNotBlank();
        }
    }

    @Test
    void scansAreAnsweredWhileKafkaIsUnreachableAndDeliveredAfterwards() throws Exception {
        try (KafkaConsumer<String, String> consumer = scanEventConsumer();
                Producer<String, String> deadBroker = KafkaProducerFactory.create("127.0.0.1:1", Duration.ofMillis(500))) {
            relay.suspend();
            try {
                assertCode(scan(device(newDeviceId(), null), token(41), "Entry"), "OK");
                given().get("/q/health/ready").then().statusCode(200);
                assertThat(relay.relayOnce(deadBroker)).isPositive();
                assertThat(count("""
                        SELECT count(*) FROM outbox WHERE record_key = $1 AND sent_at IS NULL AND claimed_until IS NULL""",
                        ACCOUNT + ":" + token(41))).isEqualTo(1);
            } finally {
                relay.resume();
            }
            awaitRecord(consumer, ACCOUNT + ":" + token(41));
            await().atMost(Duration.ofSeconds(10)).until(() -> count(
                    "SELECT count(*) FROM outbox WHERE record_key = $1 AND sent_at IS NOT NULL",
                    ACCOUNT + ":" + token(41)) == 1);
        }
    }

    // ---------------------------------------------------------------- admin

    @Test
    void adminTicketImportValidatesEveryLineAndPublishes() {
        String good = "{\"dataAccountId\":\"390\",\"token\":\"" + token(600001) + "\",\"eventId\":\"" + EVENT
                + "\",\"status\":\"VALID\",\"patronId\":\"imp\"}";
        given().header("Authorization", "Bearer wrong").body(good).post("/admin/v1/tickets").then().statusCode(401);
        given().header("Authorization", "Bearer entry-admin-local").contentType("application/x-ndjson")
                .body((good + "\n{\"token\":\"x\"}\nnot json\n").getBytes(StandardCharsets.UTF_8)).post("/admin/v1/tickets").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST")).body("error.details", hasSize(2))
                .body("error.details[0].field", equalTo("line 2"));
        given().header("Authorization", "Bearer entry-admin-local").contentType("application/x-ndjson")
                .body((good + "\n").getBytes(StandardCharsets.UTF_8)).post("/admin/v1/tickets").then().statusCode(200).body("published", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(DemoTokens.limited())
                .get("/v1/tickets/{b}", token(600001)).then().statusCode(200).body("patronId", equalTo("imp")));
    }

    @Test
    void onlyTestEventsCanBeReset() {
        given().header("Authorization", "Bearer entry-admin-local").post("/admin/v1/events/{id}/reset", EVENT_LATE)
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        given().header("Authorization", "Bearer entry-admin-local").post("/admin/v1/events/{id}/reset", "390:NO:SUCH")
                .then().statusCode(404);
        given().post("/admin/v1/events/{id}/reset", EVENT).then().statusCode(401);
    }

    @Test
    void seventyThousandTicketsLoadWellUnderAMinute() {
        long started = System.nanoTime();
        DemoData.publishTickets(TestStack.kafkaBootstrap());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> count(
                "SELECT count(*) FROM ticket WHERE event_id = $1", DemoData.MEM_EVENT_ID) >= DemoData.MEM_TICKET_COUNT);
        System.out.printf("70,000 tickets published and loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    // ---------------------------------------------------------------- helpers

    private static Response scan(String session, String token, String mode) {
        return scan(session, token, mode, "Barcode", false, null);
    }

    private static Response scan(String session, String token, String mode, String inputType, boolean testMode,
            String requestId) {
        var request = given().auth().oauth2(session).contentType(ContentType.JSON)
                .body(body(token, mode, inputType, testMode));
        if (requestId != null) {
            request.header("PAC-Request-Id", requestId);
        }
        return request.post("/v1/validate");
    }

    private static String body(String token, String mode, String inputType, boolean testMode) {
        return "{\"token\":\"" + token + "\",\"inputType\":\"" + inputType + "\",\"scanMode\":\"" + mode
                + "\",\"testMode\":" + testMode + "}";
    }

    private static void assertCode(Response response, String reasonCode) {
        response.then().statusCode(200).body("reasonCode", equalTo(reasonCode));
    }

    /** Sends all scans at once over real HTTP connections and returns the answers. */
    private List<JsonNode> concurrently(List<Map.Entry<String, String>> scans, String unused) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        for (Map.Entry<String, String> s : scans) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(validateUrl.toString()))
                    .header("Authorization", "Bearer " + s.getKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(s.getValue(), "Entry", "Barcode", false))).build();
            futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                try {
                    return JSON.readTree(r.body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long stateEntries(String token, long area) {
        return count("SELECT COALESCE(sum(entries), 0) FROM ticket_area_state WHERE token = $1 AND area_id = $2",
                token, area);
    }

    private long occupancy(long area) {
        return count("SELECT count(*) FROM ticket_area_state WHERE area_id = $1 AND inside", area);
    }

    /** A consumer of the scan-event topic positioned at its current end. */
    private static KafkaConsumer<String, String> scanEventConsumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestStack.kafkaBootstrap());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SCAN_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        Map<String, ConsumerRecord<String, String>> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.put(r.key(), r));
            return seen.containsKey(key);
        });
        return seen.get(key);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
