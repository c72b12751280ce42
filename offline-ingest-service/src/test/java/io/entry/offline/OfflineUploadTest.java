package io.entry.offline;

import static io.entry.offline.OfflineFixtures.DEMO_KEY;
import static io.entry.offline.OfflineFixtures.JSON;
import static io.entry.offline.OfflineFixtures.SERIAL;
import static io.entry.offline.OfflineFixtures.gzip;
import static io.entry.offline.OfflineFixtures.scan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.Topics;
import io.entry.offline.service.UploadNames;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Offline Scan Upload against the real test stack (PostgreSQL, Kafka, S3Proxy): the vendor's curl recipe, the
 * limits, the identity of an upload and the durable replay.
 */
@QuarkusTest
class OfflineUploadTest {

    private static final String EVENT = DemoData.MEM_EVENT_ID;
    /** Filenames unique per run: the test stack keeps its database and bucket between runs. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    /** Scans are dated today at the venue: inside the accepted window around the fixture event's day. */
    private static final String SCAN_DAY = LocalDate.now(ZoneId.of("America/Chicago")).toString();
    private static KafkaConsumer<String, String> scanEvents;
    private static boolean readModelsFilled;
    private static final Map<String, List<ConsumerRecord<String, String>>> BY_FILENAME = new ConcurrentHashMap<>();

    @Inject
    S3AsyncClient s3;
    @Inject
    io.vertx.core.Vertx vertx;
    @Inject
    io.entry.offline.service.UploadLedger ledger;

    @BeforeAll
    static void readModelsAndScanEventWatch() throws Exception {
        scanEvents = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = scanEvents.partitionsFor(Topics.SCAN_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        scanEvents.assign(partitions);
        scanEvents.seekToEnd(partitions);
        partitions.forEach(scanEvents::position);
        OfflineFixtures.publishReadModels();
    }

    /** The application is up only once the first test starts: wait there until its read models hold the fixtures. */
    @org.junit.jupiter.api.BeforeEach
    void readModelsFilled() {
        if (!readModelsFilled) {
            await().atMost(Duration.ofSeconds(60)).until(OfflineFixtures::readModelsHold);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
            readModelsFilled = true;
        }
    }

    @AfterAll
    static void close() {
        scanEvents.close();
    }

    @Test
    void vendorRecipeStoresTheFileAtTheDocumentedKeyAndReplaysItsScans(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String filename = SERIAL + "_feb_13_" + RUN + "_11_07_am";
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(scan("39100000000001", "Entry", SCAN_DAY + "T11:01:00-06:00"));
        items.add(scan("39100000000002", "Entry", SCAN_DAY + "T11:02:00-06:00"));
        Map<String, Object> invalid = scan("39100000000003", "Sideways", SCAN_DAY + "T11:03:00-06:00");
        items.add(invalid);
        Map<String, Object> withoutOffset = scan("39100000000004", "Entry", SCAN_DAY + "T11:04:00");
        items.add(withoutOffset);
        Path payload = dir.resolve("payload.json");
        Files.writeString(payload, JSON.writeValueAsString(items));

        run(dir, "sh", "-c", "gzip -c payload.json > payload.json.gz");
        String answer = run(dir, "curl", "-s", "-X", "POST", "http://127.0.0.1:" + RestAssured.port + "/v1/offline-scans/" + EVENT,
                "-H", "API-Authorization-Key: " + DEMO_KEY, "-H", "PAC-Request-ID: offline-recipe-" + RUN,
                "-H", "Content-Encoding: gzip", "-H", "Filename: " + filename, "--data-binary", "@payload.json.gz");

        JsonNode response = JSON.readTree(answer);
        String day = LocalDate.now(ZoneId.of("America/Chicago")).toString();
        String key = "incoming/390/HUSKERS/LARGESCANTESTNFC/" + day + "/" + filename + ".json";
        assertThat(response.path("message").asText())
                .isEqualTo("Entry Offline Scan - Upload to S3 bucket entry-offline-scans successful at " + key);
        assertThat(response.path("key").asText()).isEqualTo(key);
        assertThat(response.path("accepted").asInt()).isEqualTo(2);
        assertThat(response.path("duplicate").asBoolean()).isFalse();
        assertThat(response.path("rejected").findValuesAsText("index")).containsExactly("2", "3");
        assertThat(response.path("rejected").get(0).path("message").asText()).contains("scanMode");
        assertThat(response.path("rejected").get(1).path("message").asText()).contains("scanDateTime");

        var stored = s3.getObject(r -> r.bucket("entry-offline-scans").key(key), AsyncResponseTransformer.toBytes())
                .get(10, TimeUnit.SECONDS);
        assertThat(stored.asByteArray()).isEqualTo(Files.readAllBytes(payload));
        assertThat(stored.response().metadata()).containsEntry("serial-number", SERIAL)
                .containsEntry("request-id", "offline-recipe-" + RUN).containsEntry("item-count", "4")
                .containsEntry("accepted-count", "2").containsEntry("rejected-count", "2").containsKey("received-at");

        List<ConsumerRecord<String, String>> records = awaitScanEvents(filename, 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("390:39100000000001",
                "390:39100000000002");
        ConsumerRecord<String, String> first = records.stream().filter(r -> r.key().endsWith("0001")).findFirst().orElseThrow();
        JsonNode event = JSON.readTree(first.value());
        assertThat(event.path("recordId").asText()).isEqualTo(UploadNames.recordId(EVENT, filename, 0));
        assertThat(event.path("source").asText()).isEqualTo("Offline");
        assertThat(event.path("uploadKey").asText()).isEqualTo(key);
        assertThat(event.path("uploadIndex").asInt()).isZero();
        assertThat(event.path("requestId").asText()).isEqualTo("offline-recipe-" + RUN);
        assertThat(event.path("status").asText()).isEqualTo("Admit");
        assertThat(event.path("reasonCode").asText()).isEqualTo("OK");
        assertThat(event.path("checkpointId").asLong()).isEqualTo(39101L);
        assertThat(event.path("checkpointName").asText()).isEqualTo("Gate 1");
        assertThat(event.path("deviceName").asText()).isEqualTo("Offline-Test-Handheld");
        assertThat(event.path("scanDateTime").asText()).isEqualTo(SCAN_DAY + "T11:01:00-06:00");
        assertThat(event.path("telemetry").path("networkType").asText()).isEqualTo("Wifi");
        assertThat(header(first, RecordHeaders.EVENT_TYPE)).isEqualTo("ScanEvent");
        assertThat(header(first, RecordHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(first, RecordHeaders.REQUEST_ID)).isEqualTo("offline-recipe-" + RUN);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(OfflineFixtures.text(
                "SELECT state FROM uploads WHERE filename = '" + filename + "'")));
    }

    @Test
    void sameFileTwiceIsADuplicateWithOneSetOfRecords() throws Exception {
        String filename = SERIAL + "_twice_" + RUN;
        byte[] json = JSON.writeValueAsBytes(List.of(scan("39100000000011", "Entry", SCAN_DAY + "T12:00:00-06:00"),
                scan("39100000000012", "Exit", SCAN_DAY + "T12:05:00-06:00")));
        String key = upload(filename, gzip(json)).then().statusCode(200).body("duplicate", equalTo(false))
                .extract().path("key");
        awaitScanEvents(filename, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(OfflineFixtures.text(
                "SELECT state FROM uploads WHERE filename = '" + filename + "'")));

        // compressed differently (gzip header, level), same JSON: the same upload
        upload(filename, gzipBest(json)).then().statusCode(200)
                .body("duplicate", equalTo(true)).body("key", equalTo(key)).body("accepted", equalTo(2));

        assertThat(OfflineFixtures.count("SELECT count(*) FROM uploads WHERE filename = '" + filename + "'")).isEqualTo(1);
        assertThat(OfflineFixtures.count("SELECT replayed_count FROM uploads WHERE filename = '" + filename + "'")).isEqualTo(2);
        // a further replayer round may run meanwhile; still exactly one record per scan
        String marker = SERIAL + "_marker_" + RUN;
        upload(marker, gzip(JSON.writeValueAsBytes(List.of(scan("39100000000013", "Entry", SCAN_DAY + "T12:10:00-06:00")))))
                .then().statusCode(200);
        awaitScanEvents(marker, 1);
        assertThat(BY_FILENAME.get(filename)).hasSize(2);
    }

    @Test
    void sameNameWithOtherContentIsAConflict() throws Exception {
        String filename = SERIAL + "_conflict_" + RUN;
        upload(filename, gzip(JSON.writeValueAsBytes(List.of(scan("39100000000021", "Entry", SCAN_DAY + "T13:00:00-06:00")))))
                .then().statusCode(200);
        upload(filename, gzip(JSON.writeValueAsBytes(List.of(scan("39100000000022", "Entry", SCAN_DAY + "T13:00:00-06:00")))))
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void concurrentIdenticalUploadsHaveOneFirstAndAreReplayedOnce() throws Exception {
        String filename = SERIAL + "_parallel_" + RUN;
        byte[] body = gzip(JSON.writeValueAsBytes(List.of(scan("39100000000071", "Entry", SCAN_DAY + "T12:20:00-06:00"),
                scan("39100000000072", "Entry", SCAN_DAY + "T12:21:00-06:00"))));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                        + "/v1/offline-scans/" + EVENT))
                .header("API-Authorization-Key", DEMO_KEY).header("Content-Encoding", "gzip").header("Filename", filename)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 8)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            HttpResponse<String> done = response.get(30, TimeUnit.SECONDS);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            answers.add(JSON.readTree(done.body()));
        }
        assertThat(answers).filteredOn(a -> !a.path("duplicate").asBoolean()).hasSize(1);
        assertThat(answers).filteredOn(a -> a.path("duplicate").asBoolean()).hasSize(7);
        assertThat(answers.stream().map(a -> a.path("key").asText()).distinct()).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.path("accepted").asInt()).isEqualTo(2));

        awaitScanEvents(filename, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(OfflineFixtures.text(
                "SELECT state FROM uploads WHERE filename = '" + filename + "'")));
        // a later upload's records come after any stray replay of this one: still exactly one record per scan
        String marker = SERIAL + "_parallel_marker_" + RUN;
        upload(marker, gzip(JSON.writeValueAsBytes(List.of(scan("39100000000073", "Entry", SCAN_DAY + "T12:22:00-06:00")))))
                .then().statusCode(200);
        awaitScanEvents(marker, 1);
        assertThat(BY_FILENAME.get(filename)).hasSize(2);
    }

    @Test
    void itemsWithNulAreRejectedOneByOne() throws Exception {
        String filename = SERIAL + "_nul_" + RUN;
        Map<String, Object> nulToken = scan("3910000\u00000081", "Entry", SCAN_DAY + "T12:30:00-06:00");
        Map<String, Object> nulTelemetry = scan("39100000000082", "Entry", SCAN_DAY + "T12:31:00-06:00");
        nulTelemetry.put("wifiSSID", "venue\u0000wifi");
        Map<String, Object> nulEnum = scan("39100000000083", "Ent\u0000ry", SCAN_DAY + "T12:32:00-06:00");
        Map<String, Object> fine = scan("39100000000084", "Entry", SCAN_DAY + "T12:33:00-06:00");
        upload(filename, gzip(JSON.writeValueAsBytes(List.of(nulToken, nulTelemetry, nulEnum, fine))))
                .then().statusCode(200).body("accepted", equalTo(1))
                .body("rejected.index", contains(0, 1, 2))
                .body("rejected[0].message", containsString("token"))
                .body("rejected[1].message", containsString("wifiSSID"))
                .body("rejected[2].message", containsString("scanMode"));
        List<ConsumerRecord<String, String>> published = awaitScanEvents(filename, 1);
        assertThat(JSON.readTree(published.get(0).value()).path("token").asText()).isEqualTo("39100000000084");
    }

    @Test
    void itemsOutsideTheVenueOrTheEventWindowAreRejected() throws Exception {
        String filename = SERIAL + "_catalog_" + RUN;
        Map<String, Object> knownCheckpoint = scan("39100000000091", "Entry", SCAN_DAY + "T12:40:00-06:00");
        knownCheckpoint.put("checkpointId", 39101);
        Map<String, Object> unknownCheckpoint = scan("39100000000092", "Entry", SCAN_DAY + "T12:40:00-06:00");
        unknownCheckpoint.put("checkpointId", 999_999_999);
        Map<String, Object> knownArea = scan("39100000000093", "Entry", SCAN_DAY + "T12:41:00-06:00");
        knownArea.put("specialAreaId", DemoData.MEM_CLUB_AREA_ID);
        Map<String, Object> unknownArea = scan("39100000000094", "Entry", SCAN_DAY + "T12:41:00-06:00");
        unknownArea.put("specialAreaId", 888_888_888);
        String tooLate = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(25).toString();
        String tooEarly = OfflineFixtures.memEventDay().minusDays(2) + "T12:00:00-06:00";
        upload(filename, gzip(JSON.writeValueAsBytes(List.of(knownCheckpoint, unknownCheckpoint, knownArea, unknownArea,
                scan("39100000000095", "Entry", tooLate), scan("39100000000096", "Entry", tooEarly)))))
                .then().statusCode(200).body("accepted", equalTo(2))
                .body("rejected.index", contains(1, 3, 4, 5))
                .body("rejected[0].message", containsString("checkpointId"))
                .body("rejected[1].message", containsString("specialAreaId"))
                .body("rejected[2].message", containsString("future"))
                .body("rejected[3].message", containsString("before"));
        List<ConsumerRecord<String, String>> published = awaitScanEvents(filename, 2);
        assertThat(published.stream().map(r -> r.value()).map(OfflineUploadTest::tokenOf))
                .containsExactlyInAnyOrder("39100000000091", "39100000000093");
    }

    @Test
    void trailingBytesAfterGzipAreRefusedButConcatenatedMembersAreGzip() throws Exception {
        byte[] json = JSON.writeValueAsBytes(List.of(scan("39100000000101", "Entry", SCAN_DAY + "T12:50:00-06:00")));
        byte[] junk = concat(gzip(json), "junk".getBytes(StandardCharsets.UTF_8));
        upload(SERIAL + "_junk_" + RUN, junk).then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
        byte[] zeros = concat(gzip(json), new byte[8]);
        upload(SERIAL + "_zeros_" + RUN, zeros).then().statusCode(400);
        assertThat(OfflineFixtures.count("SELECT count(*) FROM uploads WHERE filename IN ('" + SERIAL + "_junk_" + RUN
                + "', '" + SERIAL + "_zeros_" + RUN + "')")).isZero();

        int cut = json.length / 2;
        byte[] twoMembers = concat(gzip(java.util.Arrays.copyOfRange(json, 0, cut)),
                gzip(java.util.Arrays.copyOfRange(json, cut, json.length)));
        upload(SERIAL + "_members_" + RUN, twoMembers).then().statusCode(200).body("accepted", equalTo(1));
        // two members that are two arrays: legal gzip, but not one JSON array
        upload(SERIAL + "_two_arrays_" + RUN, concat(gzip(json), gzip(json))).then().statusCode(400);
    }

    @Test
    void moreThanOneHundredScansIsTooLargeAndStoresNothing() throws Exception {
        String filename = SERIAL + "_101_" + RUN;
        List<Map<String, Object>> items = IntStream.range(0, 101)
                .mapToObj(i -> scan(String.format("391%011d", i + 100), "Entry", SCAN_DAY + "T14:00:00-06:00")).toList();
        upload(filename, gzip(JSON.writeValueAsBytes(items))).then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(OfflineFixtures.count("SELECT count(*) FROM uploads WHERE filename = '" + filename + "'")).isZero();

        upload(SERIAL + "_100_" + RUN, gzip(JSON.writeValueAsBytes(items.subList(0, 100)))).then().statusCode(200)
                .body("accepted", equalTo(100));
    }

    @Test
    void gzipBombIsCutOffInBoundedMemory() throws Exception {
        // ~1 GB of zeros, just under 1 MiB compressed: passes the body limit, must be stopped while inflating
        ByteArrayOutputStream bombBytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bombBytes, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1000; i++) {
                gzip.write(zeros);
            }
        }
        byte[] bomb = bombBytes.toByteArray();
        assertThat(bomb.length).isLessThan(1 << 20);
        String filename = SERIAL + "_bomb_" + RUN;

        long before = retainedHeap();
        resetPeaks();
        upload(filename, bomb).then().statusCode(413).body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.message", equalTo("decompressed body exceeds 8388608 bytes"));
        long peakGrowth = retainedPeak() - before;
        // inflating it whole would need 1 GB (2 GB with buffer growth); the cut-off needs the 8 MiB ceiling, the
        // 1 MiB body and their copies. Generous: other work of the JVM (client, consumers) adds noise.
        assertThat(peakGrowth).isLessThan(256L << 20);
        assertThat(OfflineFixtures.count("SELECT count(*) FROM uploads WHERE filename = '" + filename + "'")).isZero();
    }

    @Test
    void compressedBodyOverOneMebibyteIsTooLarge() {
        byte[] random = new byte[(1 << 20) + 1000];
        new java.util.Random(7).nextBytes(random);
        upload(SERIAL + "_big_" + RUN, random).then().statusCode(413).body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.message", equalTo("compressed body exceeds 1048576 bytes"));
        // far beyond: refused on its Content-Length before the body is read, still with the contract's body
        upload(SERIAL + "_bigger_" + RUN, java.util.Arrays.copyOf(random, 2 << 20)).then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void pathTricksAndMalformedBodiesAreRefused() throws Exception {
        byte[] ok = gzip(JSON.writeValueAsBytes(List.of(scan("39100000000031", "Entry", SCAN_DAY + "T15:00:00-06:00"))));
        given().header("API-Authorization-Key", DEMO_KEY).header("Content-Encoding", "gzip")
                .header("Filename", "../" + SERIAL + "_x").body(ok).post("/v1/offline-scans/" + EVENT)
                .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details.field", hasItems("Filename"));
        given().header("API-Authorization-Key", DEMO_KEY).header("Content-Encoding", "gzip")
                .header("Filename", SERIAL + "_..x").body(ok).post("/v1/offline-scans/" + EVENT)
                .then().statusCode(400);
        given().urlEncodingEnabled(false).header("API-Authorization-Key", DEMO_KEY).header("Content-Encoding", "gzip")
                .header("Filename", SERIAL + "_dots_" + RUN).body(ok).post("/v1/offline-scans/390:HUSKERS..:LARGESCANTESTNFC")
                .then().statusCode(400).body("error.details.field", hasItems("eventId"));
        upload(SERIAL + "_plain_" + RUN, JSON.writeValueAsBytes(List.of())).then().statusCode(400)
                .body("error.message", equalTo("body is not valid gzip"));
        upload(SERIAL + "_notjson_" + RUN, gzip("not json".getBytes(StandardCharsets.UTF_8))).then().statusCode(400)
                .body("error.message", equalTo("body is not valid JSON"));
        upload(SERIAL + "_object_" + RUN, gzip("{\"token\":\"1\"}".getBytes(StandardCharsets.UTF_8))).then().statusCode(400)
                .body("error.message", equalTo("body must be a JSON array of offline scans"));
        given().header("API-Authorization-Key", DEMO_KEY).header("Filename", SERIAL + "_noenc_" + RUN).body(ok)
                .post("/v1/offline-scans/" + EVENT).then().statusCode(400)
                .body("error.details.field", hasItems("Content-Encoding"));
        assertThat(OfflineFixtures.count("SELECT count(*) FROM uploads WHERE filename LIKE '%\\_" + RUN + "' "
                + "AND (filename LIKE '%plain%' OR filename LIKE '%notjson%' OR filename LIKE '%object%' OR filename LIKE '%noenc%')"))
                .isZero();
    }

    @Test
    void keysEventsAndDevicesAreChecked() throws Exception {
        byte[] ok = gzip(JSON.writeValueAsBytes(List.of(scan("39100000000041", "Entry", SCAN_DAY + "T16:00:00-06:00"))));
        given().header("Content-Encoding", "gzip").header("Filename", SERIAL + "_nokey_" + RUN).body(ok)
                .post("/v1/offline-scans/" + EVENT).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("API-Authorization-Key", "not-a-key").header("Content-Encoding", "gzip")
                .header("Filename", SERIAL + "_badkey_" + RUN).body(ok)
                .post("/v1/offline-scans/" + EVENT).then().statusCode(401);
        given().header("API-Authorization-Key", OfflineFixtures.KEY_129_ONLY).header("Content-Encoding", "gzip")
                .header("Filename", SERIAL + "_otheraccount_" + RUN).body(ok)
                .post("/v1/offline-scans/" + EVENT).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        upload(SERIAL + "_noevent_" + RUN, ok, "390:HUSKERS:NOSUCHEVENT").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        upload("9999999_unknown_" + RUN, ok).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void storedButUnreplayedUploadIsReplayedByTheReplayer() throws Exception {
        // a crash between S3 and Kafka: the row says STORED with nothing replayed, the object is in the bucket
        String filename = SERIAL + "_crash_" + RUN;
        String key = "incoming/390/HUSKERS/LARGESCANTESTNFC/2026-02-13/" + filename + ".json";
        byte[] json = JSON.writeValueAsBytes(List.of(scan("39100000000051", "Entry", SCAN_DAY + "T17:00:00-06:00"),
                scan("not-valid", "Nowhere", SCAN_DAY + "T17:00:00-06:00"),
                scan("39100000000052", "Entry", SCAN_DAY + "T17:01:00-06:00")));
        s3.putObject(r -> r.bucket("entry-offline-scans").key(key), AsyncRequestBody.fromBytes(json)).get(10, TimeUnit.SECONDS);
        insertUpload(filename, key, json, "STORED", 3, 2);

        List<ConsumerRecord<String, String>> records = awaitScanEvents(filename, 2);
        assertThat(records).extracting(r -> JSON.readTree(r.value()).path("recordId").asText())
                .containsExactlyInAnyOrder(UploadNames.recordId(EVENT, filename, 0), UploadNames.recordId(EVENT, filename, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(OfflineFixtures.text(
                "SELECT state FROM uploads WHERE filename = '" + filename + "'")));
    }

    @Test
    void receivedUploadWhoseObjectReachedS3IsStoredAndReplayed() throws Exception {
        // a crash after the S3 put, before the row was marked STORED
        String filename = SERIAL + "_received_" + RUN;
        String key = "incoming/390/HUSKERS/LARGESCANTESTNFC/2026-02-13/" + filename + ".json";
        byte[] json = JSON.writeValueAsBytes(List.of(scan("39100000000061", "Entry", SCAN_DAY + "T18:00:00-06:00")));
        s3.putObject(r -> r.bucket("entry-offline-scans").key(key), AsyncRequestBody.fromBytes(json)).get(10, TimeUnit.SECONDS);
        insertUpload(filename, key, json, "RECEIVED", 1, 1);
        // and one whose object never arrived: forgotten, so the device's retry starts afresh
        String lost = SERIAL + "_lost_" + RUN;
        insertUpload(lost, "incoming/390/HUSKERS/LARGESCANTESTNFC/2026-02-13/" + lost + ".json", json, "RECEIVED", 1, 1);

        awaitScanEvents(filename, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(OfflineFixtures.text(
                "SELECT state FROM uploads WHERE filename = '" + filename + "'")));
        await().atMost(Duration.ofSeconds(30)).until(() -> OfflineFixtures.count(
                "SELECT count(*) FROM uploads WHERE filename = '" + lost + "'") == 0);
        upload(lost, gzip(json)).then().statusCode(200).body("duplicate", equalTo(false));
    }

    @Test
    void concurrentClaimsNeverTakeTheSameUpload() throws Exception {
        List<String> names = IntStream.range(0, 20).mapToObj(i -> SERIAL + "_claim" + i + "_" + RUN).toList();
        byte[] empty = "[]".getBytes(StandardCharsets.UTF_8);
        for (String name : names) {
            String key = "incoming/390/HUSKERS/LARGESCANTESTNFC/2026-02-13/" + name + ".json";
            s3.putObject(r -> r.bucket("entry-offline-scans").key(key), AsyncRequestBody.fromBytes(empty)).get(10, TimeUnit.SECONDS);
            insertUpload(name, key, empty, "STORED", 0, 0);
        }
        var first = onVertxContext(() -> ledger.claimUnfinished("claimer-a-" + RUN, Duration.ofMinutes(2), 10));
        var second = onVertxContext(() -> ledger.claimUnfinished("claimer-b-" + RUN, Duration.ofMinutes(2), 10));
        List<Long> a = first.get(30, TimeUnit.SECONDS).stream().map(u -> u.id).toList();
        List<Long> b = second.get(30, TimeUnit.SECONDS).stream().map(u -> u.id).toList();
        // The service's own replayer may claim some rows first; what matters is that no row is claimed twice.
        assertThat(a.size() + b.size()).isPositive();
        assertThat(java.util.Collections.disjoint(a, b)).as("claims %s and %s overlap", a, b).isTrue();
        for (Long id : a) {
            onVertxContext(() -> ledger.release(id, "claimer-a-" + RUN)).get(10, TimeUnit.SECONDS);
        }
        for (Long id : b) {
            onVertxContext(() -> ledger.release(id, "claimer-b-" + RUN)).get(10, TimeUnit.SECONDS);
        }
        // released, the replayer finishes them all (nothing left behind in the shared test database)
        await().atMost(Duration.ofSeconds(60)).until(() -> OfflineFixtures.count("SELECT count(*) FROM uploads "
                + "WHERE filename LIKE '%\\_claim%\\_" + RUN + "' AND state = 'REPLAYED'") == names.size());
    }

    @Test
    void readinessCoversStorageAndReadModelsButNotKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("s3", "read-models"))
                .body("checks.find { it.name == 's3' }.status", equalTo("UP"));
        given().get("/q/health/ready").then().body("checks.name", org.hamcrest.Matchers.not(hasItems("kafka")));
    }

    @Test
    void redeliveredReadModelRecordIsDroppedByItsRecordId() throws Exception {
        String serial = "IDEM" + RUN;
        String recordId = "offline-test-session-" + RUN;
        String key = "390:" + serial;
        var type = io.entry.model.events.DeviceSessionRecord.EVENT_TYPE;
        OfflineFixtures.publish(Topics.DEVICE_SESSIONS, key, type,
                OfflineFixtures.session(recordId, io.entry.model.events.DeviceSessionKind.SESSION, serial, 39101L, null));
        // the same recordId again, with other content: a redelivery, to be dropped
        OfflineFixtures.publish(Topics.DEVICE_SESSIONS, key, type,
                OfflineFixtures.session(recordId, io.entry.model.events.DeviceSessionKind.SESSION, serial, 39102L, null));
        // a later record of the same key (same partition): once it is applied, the redelivery was seen
        OfflineFixtures.publish(Topics.DEVICE_SESSIONS, key, type, OfflineFixtures.session(recordId + "-revoked",
                io.entry.model.events.DeviceSessionKind.REVOCATION, serial, 39101L, java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> OfflineFixtures.count("SELECT count(*) FROM devices "
                + "WHERE serial_number = '" + serial + "' AND revoked_at IS NOT NULL") == 1);
        assertThat(OfflineFixtures.count("SELECT checkpoint_id FROM devices WHERE serial_number = '" + serial + "'"))
                .isEqualTo(39101L);
        // and a revoked device may not upload
        upload(serial + "_revoked_" + RUN, gzip(JSON.writeValueAsBytes(List.of()))).then().statusCode(403);
    }

    // ------------------------------------------------------------------ helpers

    private static io.restassured.response.Response upload(String filename, byte[] body) {
        return upload(filename, body, EVENT);
    }

    private static io.restassured.response.Response upload(String filename, byte[] body, String eventId) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)))
                .header("API-Authorization-Key", DEMO_KEY).header("Content-Encoding", "gzip").header("Filename", filename)
                .contentType("application/x-www-form-urlencoded").body(body)
                .post("/v1/offline-scans/" + eventId);
    }

    /** Runs Hibernate Reactive work as the service does: on a safe duplicated Vert.x context. */
    private <T> java.util.concurrent.CompletableFuture<T> onVertxContext(
            java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        var context = io.smallrye.common.vertx.VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }

    private static void insertUpload(String filename, String key, byte[] json, String state, int items, int accepted)
            throws Exception {
        try (var db = OfflineFixtures.database(); var insert = db.prepareStatement("INSERT INTO uploads (event_id, filename, "
                + "content_sha256, object_key, data_account_id, venue_code, serial_number, request_id, received_at, "
                + "item_count, accepted_count, rejected_json, device_id, device_name, checkpoint_id, checkpoint_name, state) "
                + "VALUES (?, ?, ?, ?, '390', 'MEM', ?, ?, now(), ?, ?, '[]', 9390001, 'Offline-Test-Handheld', 39101, "
                + "'Gate 1', ?)")) {
            insert.setString(1, EVENT);
            insert.setString(2, filename);
            insert.setString(3, io.entry.offline.service.UploadDecoder.sha256(json));
            insert.setString(4, key);
            insert.setString(5, SERIAL);
            insert.setString(6, "crash-" + RUN);
            insert.setInt(7, items);
            insert.setInt(8, accepted);
            insert.setString(9, state);
            insert.executeUpdate();
        }
    }

    private static synchronized List<ConsumerRecord<String, String>> awaitScanEvents(String filename, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, String> record : scanEvents.poll(Duration.ofMillis(200))) {
                String name;
                try {
                    name = JSON.readTree(record.value()).path("filename").asText(null);
                } catch (java.io.IOException | RuntimeException notJson) {
                    continue; // another module's test data on the shared topic
                }
                if (name != null) {
                    BY_FILENAME.computeIfAbsent(name, n -> new ArrayList<>()).add(record);
                }
            }
            return BY_FILENAME.getOrDefault(filename, List.of()).size() >= count;
        });
        return BY_FILENAME.get(filename);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String tokenOf(String scanEvent) {
        try {
            return JSON.readTree(scanEvent).path("token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] gzipBest(byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<MemoryPoolMXBean> retainedPools() {
        // eden churns with every request; what a whole inflated body would occupy is old gen (large arrays)
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && !p.getName().contains("Eden")).toList();
    }

    private static long retainedHeap() {
        System.gc();
        return retainedPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void resetPeaks() {
        retainedPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long retainedPeak() {
        return retainedPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
