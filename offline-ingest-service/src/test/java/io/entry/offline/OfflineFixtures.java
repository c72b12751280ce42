package io.entry.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.events.ApiClientRecord;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.EntryRecord;
import io.entry.model.events.EventRecord;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.Topics;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Read-model fixtures published on the real topics, and small helpers of the upload tests. */
final class OfflineFixtures {

    static final String DEMO_KEY = "entry-demo-key-0001";
    /** A key of this test allowed only for account 129. */
    static final String KEY_129_ONLY = "offline-ingest-test-key-129-only";
    /** A device of account 390 known to this test (the vendor's sample serial). */
    static final String SERIAL = "1205243";
    static final ObjectMapper JSON = EntryJson.newMapper();

    private OfflineFixtures() {
    }

    static void publishReadModels() throws Exception {
        Instant now = Instant.now();
        DemoData.publishCatalog(TestStack.kafkaBootstrap(), now);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            send(producer, Topics.API_CLIENTS, sha256(DEMO_KEY), ApiClientRecord.EVENT_TYPE,
                    new ApiClientRecord(UUID.randomUUID().toString(), sha256(DEMO_KEY), "demo-partner",
                            List.of("390", "129"), false, Instant.now()));
            send(producer, Topics.API_CLIENTS, sha256(KEY_129_ONLY), ApiClientRecord.EVENT_TYPE,
                    new ApiClientRecord(UUID.randomUUID().toString(), sha256(KEY_129_ONLY), "offline-test-partner",
                            List.of("129"), false, Instant.now()));
            DeviceSessionRecord session = new DeviceSessionRecord(UUID.randomUUID().toString(), DeviceSessionKind.SESSION,
                    "390", SERIAL, 9_390_001L, 7, "Offline-Test-Handheld", "demo-partner", "FULL", "MEM", 3900002L,
                    39101L, "Gate 1", null, null, null, null, null, null, "Janam", "XT2", "1.0", "2.0", null, null,
                    Instant.now(), null);
            send(producer, Topics.DEVICE_SESSIONS, session.key(), DeviceSessionRecord.EVENT_TYPE, session);
            // the demo ids hash the content, so a database that applied this event before its start was kept would
            // drop it: republish it under a fresh id
            EventRecord mem = DemoData.catalog(now).events().stream()
                    .filter(e -> e.eventId().equals(DemoData.MEM_EVENT_ID)).findFirst().orElseThrow();
            send(producer, Topics.CATALOG_EVENTS, mem.key(), EventRecord.EVENT_TYPE, new EventRecord(
                    UUID.randomUUID().toString(), mem.eventId(), mem.dataAccountId(), mem.seasonCd(), mem.eventCd(),
                    mem.eventName(), mem.venueCode(), mem.eventStartDateTime(), mem.eventEndDateTime(),
                    mem.doorsOpenDateTime(), mem.barcodeMasks(), mem.test()));
            producer.flush();
        }
    }

    /** The MEM event's venue-local day as the fixtures place it. */
    static java.time.LocalDate memEventDay() {
        return DemoData.catalog(Instant.now()).events().stream()
                .filter(e -> e.eventId().equals(DemoData.MEM_EVENT_ID)).findFirst().orElseThrow()
                .eventStartDateTime().toLocalDate();
    }

    static void publish(String topic, String key, String eventType, EntryRecord record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            send(producer, topic, key, eventType, record);
        }
    }

    static DeviceSessionRecord session(String recordId, DeviceSessionKind kind, String serial, long checkpointId,
            Instant revokedAt) {
        return new DeviceSessionRecord(recordId, kind, "390", serial, 9_390_002L, 8, "Idempotency-Test", "demo-partner",
                "FULL", "MEM", 3900002L, checkpointId, null, null, null, null, null, null, null, "Janam", "XT2", "1.0",
                "2.0", null, null, Instant.now().minusSeconds(60), revokedAt);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String eventType,
            EntryRecord record) throws Exception {
        ProducerRecord<String, String> message = new ProducerRecord<>(topic, key, JSON.writeValueAsString(record));
        message.headers().add(RecordHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        message.headers().add(RecordHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        producer.send(message).get();
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestStack.postgresPort() + "/offline_ingest",
                "entry", "entry");
    }

    static boolean readModelsHold() {
        try (Connection db = database(); var statement = db.createStatement()) {
            var rows = statement.executeQuery("SELECT (SELECT count(*) FROM api_clients WHERE key_hash IN ('"
                    + sha256(DEMO_KEY) + "','" + sha256(KEY_129_ONLY) + "')) = 2 "
                    + "AND EXISTS (SELECT 1 FROM devices WHERE data_account_id = '390' AND serial_number = '" + SERIAL + "') "
                    + "AND EXISTS (SELECT 1 FROM catalog_events WHERE event_id = '" + DemoData.MEM_EVENT_ID
                    + "' AND event_start IS NOT NULL) "
                    + "AND EXISTS (SELECT 1 FROM catalog_layouts WHERE data_account_id = '390' AND venue_code = 'MEM' "
                    + "AND 39101 = ANY (checkpoint_ids) AND 3901 = ANY (special_area_ids)) "
                    + "AND EXISTS (SELECT 1 FROM catalog_venues WHERE data_account_id = '390' AND venue_code = 'MEM')");
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection db = database(); var statement = db.createStatement()) {
            var rows = statement.executeQuery(sql);
            rows.next();
            return rows.getLong(1);
        }
    }

    static String text(String sql) throws SQLException {
        try (Connection db = database(); var statement = db.createStatement()) {
            var rows = statement.executeQuery(sql);
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One offline scan item as a device sends it. */
    static Map<String, Object> scan(String token, String scanMode, String scanDateTime) {
        return new java.util.LinkedHashMap<>(Map.of(
                "token", token,
                "inputType", "Barcode",
                "scanMode", scanMode,
                "barcodeType", "Barcode",
                "scanDateTime", scanDateTime,
                "status", "Admit",
                "reasonCode", "OK",
                "networkType", "Wifi",
                "softwareMode", "Handheld",
                "deviceTimestamp", "2026-02-13T11:07:00"));
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }
}
