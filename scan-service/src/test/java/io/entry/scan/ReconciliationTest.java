package io.entry.scan;

import static io.entry.scan.ScanFixture.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.entry.model.api.InputType;
import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.Topics;
import io.entry.testsupport.DemoTokens;
import io.entry.testsupport.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation of Offline scans (CONTRACT §6) fed through the real scan-event topic. */
@QuarkusTest
class ReconciliationTest {

    @Inject
    Pool pool;

    @BeforeEach
    void catalogIsLoaded() {
        ScanFixture.ensurePublished();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM ticket WHERE event_id = $1",
                EVENT) >= VALID_TICKETS + 4
                && count("SELECT count(*) FROM special_area WHERE special_area_id = $1", AREA_OFFLINE_CAPACITY_1) == 1);
    }

    @Test
    void twoDevicesThatAdmittedOneTicketGiveOneEntryAndOneDoubleEntryInEitherOrder() throws Exception {
        try (KafkaConsumer<String, String> reconciliations = endOf(Topics.SCAN_RECONCILIATIONS)) {
            OffsetDateTime now = OffsetDateTime.now();
            ScanEventRecord firstOfA = offline(token(500), ScanMode.ENTRY, now.minusMinutes(10), null, 71L);
            ScanEventRecord secondOfA = offline(token(500), ScanMode.ENTRY, now.minusMinutes(5), null, 72L);
            ScanEventRecord firstOfB = offline(token(501), ScanMode.ENTRY, now.minusMinutes(10), null, 71L);
            ScanEventRecord secondOfB = offline(token(501), ScanMode.ENTRY, now.minusMinutes(5), null, 72L);
            publish(firstOfA, secondOfA);
            publish(secondOfB, firstOfB); // the earlier scan arrives last
            for (String token : List.of(token(500), token(501))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> count(
                        "SELECT count(*) FROM scan_history WHERE token = $1", token) == 2);
                assertThat(count("SELECT entries FROM ticket_area_state WHERE token = $1 AND area_id = 0", token))
                        .isEqualTo(1);
                assertThat(count("SELECT count(*) FROM ticket_area_state WHERE token = $1 AND inside", token))
                        .isEqualTo(1);
            }
            // in both orders the later scan is the DOUBLE_ENTRY, naming the earlier one
            assertThat(conflictOf(secondOfA.recordId())).isEqualTo("DOUBLE_ENTRY");
            assertThat(conflictOf(secondOfB.recordId())).isEqualTo("DOUBLE_ENTRY");
            List<JsonNode> forB = await().atMost(Duration.ofSeconds(20)).until(
                    () -> recordsFor(reconciliations, ACCOUNT + ":" + token(501)), list -> list.size() >= 3);
            JsonNode conflict = forB.stream().filter(r -> r.get("outcome").asText().equals("CONFLICT")).findFirst()
                    .orElseThrow();
            assertThat(conflict.get("conflictCode").asText()).isEqualTo("DOUBLE_ENTRY");
            assertThat(conflict.get("scanRecordId").asText()).isEqualTo(secondOfB.recordId());
            assertThat(conflict.get("conflictingScanRecordId").asText()).isEqualTo(firstOfB.recordId());
            assertThat(forB.stream().filter(r -> r.get("outcome").asText().equals("CONFLICT")).count()).isEqualTo(1);
        }
    }

    @Test
    void anOfflineEntryBeyondTheTicketsEntryLimitIsMaxEntriesExceededAndAddsNoEntry() throws Exception {
        try (KafkaConsumer<String, String> reconciliations = endOf(Topics.SCAN_RECONCILIATIONS)) {
            OffsetDateTime now = OffsetDateTime.now();
            String token = token(530);
            // AREA_PAIRED: pairing, 2 entries per ticket
            ScanEventRecord entry1 = offline(token, ScanMode.ENTRY, now.minusMinutes(10), AREA_PAIRED, 78L);
            ScanEventRecord exit1 = offline(token, ScanMode.EXIT, now.minusMinutes(9), AREA_PAIRED, 78L);
            ScanEventRecord entry2 = offline(token, ScanMode.ENTRY, now.minusMinutes(8), AREA_PAIRED, 78L);
            ScanEventRecord exit2 = offline(token, ScanMode.EXIT, now.minusMinutes(7), AREA_PAIRED, 78L);
            ScanEventRecord entry3 = offline(token, ScanMode.ENTRY, now.minusMinutes(6), AREA_PAIRED, 78L);
            publish(entry1, exit1, entry2, exit2, entry3);
            List<JsonNode> outcomes = await().atMost(Duration.ofSeconds(20)).until(
                    () -> recordsFor(reconciliations, ACCOUNT + ":" + token), list -> list.size() >= 5);
            List<JsonNode> conflicts = outcomes.stream().filter(r -> r.get("outcome").asText().equals("CONFLICT"))
                    .toList();
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0).get("conflictCode").asText()).isEqualTo("MAX_ENTRIES_EXCEEDED");
            assertThat(conflicts.get(0).get("scanRecordId").asText()).isEqualTo(entry3.recordId());
            assertThat(conflictOf(entry3.recordId())).isEqualTo("MAX_ENTRIES_EXCEEDED");
            assertThat(conflictOf(entry2.recordId())).isNull();
            assertThat(count("SELECT count(*) FROM scan_history WHERE token = $1", token)).isEqualTo(5);
            assertThat(count("SELECT entries FROM ticket_area_state WHERE token = $1 AND area_id = $2", token,
                    AREA_PAIRED)).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM ticket_area_state WHERE token = $1 AND area_id = $2 AND inside",
                    token, AREA_PAIRED)).isZero();
        }
    }

    @Test
    void aLateEarlierExitDoesNotUndoALaterOnlineEntry() throws Exception {
        String device = device(newDeviceId(), null);
        given().auth().oauth2(device).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token(502) + "\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\"}")
                .post("/v1/validate").then().statusCode(200).body("reasonCode", equalTo("OK"));
        ScanEventRecord earlierExit = offline(token(502), ScanMode.EXIT, OffsetDateTime.now().minusMinutes(30), null,
                73L);
        publish(earlierExit);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM scan_history WHERE record_id = $1", earlierExit.recordId()) == 1);
        assertThat(count("SELECT count(*) FROM ticket_area_state WHERE token = $1 AND area_id = 0 AND inside",
                token(502))).isEqualTo(1);
        given().auth().oauth2(DemoTokens.limited()).get("/v1/tickets/{b}", token(502)).then().statusCode(200)
                .body("scanHistory[0].source", equalTo("Online"))
                .body("scanHistory[1].source", equalTo("Offline"))
                .body("scanHistory[1].scanMode", equalTo("Exit"));
    }

    @Test
    void aRedeliveredScanIsADuplicateAndChangesNothing() throws Exception {
        try (KafkaConsumer<String, String> reconciliations = endOf(Topics.SCAN_RECONCILIATIONS)) {
            ScanEventRecord scan = offline(token(503), ScanMode.ENTRY, OffsetDateTime.now().minusMinutes(3), null, 74L);
            publish(scan, scan);
            List<JsonNode> outcomes = await().atMost(Duration.ofSeconds(20)).until(
                    () -> recordsFor(reconciliations, ACCOUNT + ":" + token(503)), list -> list.size() >= 2);
            assertThat(outcomes).extracting(r -> r.get("outcome").asText())
                    .containsExactlyInAnyOrder("APPLIED", "DUPLICATE");
            assertThat(count("SELECT entries FROM ticket_area_state WHERE token = $1 AND area_id = 0", token(503)))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM scan_history WHERE token = $1", token(503))).isEqualTo(1);
        }
    }

    @Test
    void offlineAdmitsOfVoidUnknownAndOverCapacityAreConflictsButPeopleCountInside() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        ScanEventRecord unknown = offline("88" + RUN + "777777", ScanMode.ENTRY, now, null, 75L);
        ScanEventRecord voidAdmit = offline(VOID_TOKEN, ScanMode.ENTRY, now, null, 75L);
        ScanEventRecord first = offline(token(510), ScanMode.ENTRY, now.minusMinutes(2), AREA_OFFLINE_CAPACITY_1, 76L);
        ScanEventRecord second = offline(token(511), ScanMode.ENTRY, now.minusMinutes(1), AREA_OFFLINE_CAPACITY_1, 76L);
        publish(unknown, voidAdmit, first, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> conflictOf(unknown.recordId()) != null
                && conflictOf(voidAdmit.recordId()) != null && conflictOf(second.recordId()) != null);
        assertThat(conflictOf(unknown.recordId())).isEqualTo("UNKNOWN_TICKET");
        assertThat(conflictOf(voidAdmit.recordId())).isEqualTo("VOID_ADMITTED");
        assertThat(conflictOf(second.recordId())).isEqualTo("OVER_CAPACITY");
        assertThat(count("SELECT count(*) FROM ticket_area_state WHERE area_id = $1 AND inside",
                AREA_OFFLINE_CAPACITY_1)).isEqualTo(2);
        // online entries stay refused while the area is over capacity, and after one of the two leaves
        String online = device(newDeviceId(), AREA_OFFLINE_CAPACITY_1);
        scanOnline(online, token(512), "Entry", "AREA_FULL");
        scanOnline(online, token(510), "Exit", "EXIT_OK");
        scanOnline(online, token(512), "Entry", "AREA_FULL");
        scanOnline(online, token(511), "Exit", "EXIT_OK");
        scanOnline(online, token(512), "Entry", "OK");
    }

    @Test
    void anUnreadableScanEventGoesToTheDeadLetterTopic() throws Exception {
        try (KafkaConsumer<String, String> dlq = endOf(Topics.SCAN_EVENTS_DLQ);
                KafkaProducer<String, String> producer = ScanFixture.producer()) {
            String key = ACCOUNT + ":broken-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.SCAN_EVENTS, key, "{not json")).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void scansNamingAPlaceOutsideTheirVenuesCatalogOrHoldingNulGoToTheDeadLetterTopicAndChangeNothing()
            throws Exception {
        // the demo catalog's area 123 and checkpoint 39001 are account 390's, but at venue TS, not this run's venue
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM special_area WHERE data_account_id = '390' AND special_area_id = 123") == 1
                && count("SELECT count(*) FROM checkpoint WHERE data_account_id = '390' AND checkpoint_id = 39001")
                        == 1);
        OffsetDateTime at = OffsetDateTime.now().minusMinutes(1);
        ScanEventRecord unknownArea = offline(token(520), ScanMode.ENTRY, at, LAYOUT * 10 + 99, 77L, LAYOUT + 1,
                "Offline Device");
        ScanEventRecord otherVenuesArea = offline(token(521), ScanMode.ENTRY, at, 123L, 77L, LAYOUT + 1,
                "Offline Device");
        ScanEventRecord otherVenuesCheckpoint = offline(token(522), ScanMode.ENTRY, at, null, 77L, 39001L,
                "Offline Device");
        ScanEventRecord unknownCheckpoint = offline(token(523), ScanMode.EXIT, at, null, 77L, LAYOUT + 99,
                "Offline Device");
        ScanEventRecord withNul = offline(token(524), ScanMode.ENTRY, at, null, 77L, LAYOUT + 1, "Off\u0000line");
        ScanEventRecord fine = offline(token(525), ScanMode.ENTRY, at, AREA_PAIRED, 77L, LAYOUT + 1, "Offline Device");
        List<ScanEventRecord> refused = List.of(unknownArea, otherVenuesArea, otherVenuesCheckpoint, unknownCheckpoint,
                withNul);
        try (KafkaConsumer<String, String> dlq = endOf(Topics.SCAN_EVENTS_DLQ)) {
            List<ScanEventRecord> all = new ArrayList<>(refused);
            all.add(fine);
            publish(all.toArray(ScanEventRecord[]::new));
            List<String> expectedKeys = refused.stream().map(ScanEventRecord::key).toList();
            List<String> deadKeys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> deadKeys.add(r.key()));
                return deadKeys.containsAll(expectedKeys);
            });
        }
        // the records behind them are still reconciled
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM ticket_area_state WHERE token = $1 AND area_id = $2 AND inside", token(525),
                AREA_PAIRED) == 1);
        for (ScanEventRecord scan : refused) {
            assertThat(count("SELECT count(*) FROM scan_history WHERE record_id = $1", scan.recordId())).isZero();
            assertThat(count("SELECT count(*) FROM ticket_area_state WHERE token = $1", scan.token())).isZero();
        }
        assertThat(count("SELECT count(*) FROM area_capacity_slot WHERE area_id = $1", LAYOUT * 10 + 99)).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static void scanOnline(String session, String token, String mode, String expected) {
        given().auth().oauth2(session).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\",\"inputType\":\"Barcode\",\"scanMode\":\"" + mode + "\"}")
                .post("/v1/validate").then().statusCode(200).body("reasonCode", equalTo(expected));
    }

    private static ScanEventRecord offline(String token, ScanMode mode, OffsetDateTime at, Long area, long deviceId) {
        return offline(token, mode, at, area, deviceId, LAYOUT + 1, "Offline Device " + deviceId);
    }

    private static ScanEventRecord offline(String token, ScanMode mode, OffsetDateTime at, Long area, long deviceId,
            Long checkpointId, String deviceName) {
        return new ScanEventRecord(UUID.randomUUID().toString(), ScanSource.OFFLINE, "offline-" + RUN, ACCOUNT, VENUE,
                EVENT, token, null, mode, InputType.BARCODE, null, null, false, ScanStatus.ADMIT,
                mode == ScanMode.ENTRY ? ReasonCode.OK : ReasonCode.EXIT_OK, null, at, Instant.now(), deviceId,
                deviceName, "SER" + deviceId, checkpointId, "Test Gate", area, null,
                "incoming/x.json", "SER" + deviceId + "_file", 0, null);
    }

    private static void publish(ScanEventRecord... scans) throws Exception {
        try (KafkaProducer<String, String> producer = ScanFixture.producer()) {
            for (ScanEventRecord scan : scans) {
                // one at a time, in this order (same key: same partition)
                producer.send(new ProducerRecord<>(Topics.SCAN_EVENTS, scan.key(), JSON.writeValueAsString(scan)))
                        .get();
            }
        }
    }

    private String conflictOf(String recordId) {
        var rows = pool.preparedQuery("SELECT conflict_code FROM scan_history WHERE record_id = $1")
                .execute(Tuple.of(recordId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    private long count(String sql, Object... params) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private List<JsonNode> recordsFor(KafkaConsumer<String, String> consumer, String key) throws Exception {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, String> r : seen) {
            if (key.equals(r.key())) {
                values.add(JSON.readTree(r.value()));
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> endOf(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestStack.kafkaBootstrap());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
