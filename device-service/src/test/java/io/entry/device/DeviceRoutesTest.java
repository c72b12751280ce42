package io.entry.device;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.entry.model.EntryJson;
import io.entry.model.admin.CatalogDocument;
import io.entry.model.api.DeviceTelemetry;
import io.entry.model.api.NetworkType;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.entry.model.events.ApiClientRecord;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.Topics;
import io.entry.runtime.security.ApiKeys;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.DemoTokens;
import io.entry.testsupport.VendorDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device routes against the demo catalog, imported through the admin route, on the real test stack
 * (PostgreSQL, Kafka). The vendor's samples are sent exactly as the vendor document shows them.
 */
@QuarkusTest
class DeviceRoutesTest {

    static final String DEMO_KEY = "entry-demo-key-0001";

    @Inject
    Pool pool;

    private static boolean loaded;

    @BeforeEach
    void demoCatalogAndKeyAreLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        Admin.importCatalog(DemoData.catalogJson(Instant.now())).statusCode(200);
        // what auth-service publishes for the demo key; fixed recordId and time, so publishing again changes nothing
        TestKafka.publish(Topics.API_CLIENTS, ApiKeys.hash(DEMO_KEY), ApiClientRecord.EVENT_TYPE,
                new ApiClientRecord("device-service-test:demo-key", ApiKeys.hash(DEMO_KEY), "demo-partner",
                        List.of("390", "129"), false, Instant.parse("2026-01-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM api_clients WHERE key_hash = '"
                + ApiKeys.hash(DEMO_KEY) + "'") == 1);
    }

    // ---------------------------------------------------------------- Get Events

    @Test
    void vendorGetEventsSampleGivesTodaysEventsWithMasksAndKeysToFullSession() {
        long auditedBefore = count("SELECT count(*) FROM nfc_key_disclosures WHERE serial_number = '123456789'");
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body(VendorDocument.section("Get Events").requestText())
                .when().post("/v1/events").then().statusCode(200)
                .body("events.eventId", hasItem(DemoData.TS_EVENT_ID))
                .body("events.eventId", not(hasItem(DemoData.MEM_EVENT_ID)))
                .body("events[0].eventName", equalTo("Event to test deploy"))
                .body("events[0].doorsOpenDateTime", endsWith("T00:00:00"))
                .body("events[0].eventEndDateTime", endsWith("T23:59:00"))
                .body("events[0].timeZone", equalTo("America/Los_Angeles"))
                .body("events[0].offset", org.hamcrest.Matchers.anyOf(equalTo("-07:00"), equalTo("-08:00")))
                .body("events[0].venue.venueCode", equalTo("TS"))
                .body("events[0].venue.venueName", equalTo("Test Stadium"))
                .body("events[0].venue.dataAccountId", equalTo("390"))
                .body("events[0].barcodeMasks[0].mask", equalTo("390###########"))
                .body("nfcKeys.apple[0].passTypeIdentifier", equalTo("pass.io.entry.demo.390"))
                .body("nfcKeys.apple[0].privateKey", equalTo(demoKey("390", "apple")))
                .body("nfcKeys.google[0].collectorId", equalTo("39000001"))
                .body("nfcKeys.google[0].keyVersion", equalTo(1));
        assertThat(count("SELECT count(*) FROM nfc_key_disclosures WHERE serial_number = '123456789'"))
                .isEqualTo(auditedBefore + 1);
    }

    @Test
    void limitedSessionGetsEventsWithoutKeysAndNoAuditRow() {
        long auditedBefore = count("SELECT count(*) FROM nfc_key_disclosures");
        given().auth().oauth2(DemoTokens.limited()).contentType(ContentType.JSON)
                .body(VendorDocument.section("Get Events").requestText())
                .when().post("/v1/events").then().statusCode(200)
                .body("nfcKeys", anEmptyMap())
                .body("events.eventId", hasItem(DemoData.TS_EVENT_ID));
        assertThat(count("SELECT count(*) FROM nfc_key_disclosures")).isEqualTo(auditedBefore);
    }

    @Test
    void nfcPrivateKeysAreStoredOnlyEncrypted() {
        String plain = demoKey("390", "apple");
        long clear = count("SELECT count(*) FROM nfc_keys WHERE position(convert_to('" + plain.substring(30, 60)
                + "', 'UTF8') in private_key_sealed) > 0");
        assertThat(count("SELECT count(*) FROM nfc_keys WHERE data_account_id = '390'")).isEqualTo(2);
        assertThat(clear).isZero();
    }

    @Test
    void getEventsRefusesMissingTokenAndNamesAWrongEnumField() {
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/events").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body("{\"networkType\": \"Satellite\"}")
                .when().post("/v1/events").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details[0].field", equalTo("networkType"));
    }

    @Test
    void venueOfTheTokenMissingFromTheCatalogIs404() {
        Map<String, Object> claims = DemoTokens.limitedClaims();
        claims.put("venueCode", "NOPE");
        given().auth().oauth2(DemoTokens.sign(claims)).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/events").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    // ---------------------------------------------------------------- Get Venues

    @Test
    void vendorGetVenuesSampleListsTheAccountsVenues() {
        given().header("API-Authorization-Key", DEMO_KEY).contentType(ContentType.JSON)
                .body(VendorDocument.section("Get Venues").requestText())
                .when().post("/v1/venues").then().statusCode(200)
                .body("venues.venueCode", equalTo(List.of("BASS")))
                .body("venues[0].venueName", equalTo("Bass Concert Hall"))
                .body("venues[0].timeZone", equalTo("America/Chicago"))
                .body("venues[0].dataAccountId", equalTo("129"));
        given().header("API-Authorization-Key", DEMO_KEY).contentType(ContentType.JSON)
                .body("{\"dataAccountId\": \"390\", \"serialNumber\": \"1\", \"make\": \"Janam\", \"model\": \"XT3\"}")
                .when().post("/v1/venues").then().statusCode(200)
                .body("venues.venueCode", hasItems("MEM", "TS"));
    }

    @Test
    void getVenuesNeedsAnApiKeyAllowedForTheAccountAndIgnoresJwt() {
        String body = "{\"dataAccountId\": \"555\", \"serialNumber\": \"1\", \"make\": \"Janam\", \"model\": \"XT3\"}";
        given().header("API-Authorization-Key", DEMO_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/venues").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("API-Authorization-Key", "not-a-key").contentType(ContentType.JSON)
                .body(VendorDocument.section("Get Venues").requestText())
                .when().post("/v1/venues").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body(VendorDocument.section("Get Venues").requestText())
                .when().post("/v1/venues").then().statusCode(401);
        given().header("API-Authorization-Key", DEMO_KEY).contentType(ContentType.JSON)
                .body("{\"dataAccountId\": \"12\", \"serialNumber\": \"1\", \"make\": \"Janam\", \"model\": \"XT3\"}")
                .when().post("/v1/venues").then().statusCode(400).body("error.details[0].field", equalTo("dataAccountId"));
    }

    // ---------------------------------------------------------------- Ping

    @Test
    void vendorPingSampleIsStoredPublishedAndShownInTheFleet() {
        Map<String, Object> claims = DemoTokens.fullClaims();
        String serial = "PING-" + UUID.randomUUID().toString().substring(0, 8);
        claims.put("serialNumber", serial);
        try (KafkaConsumer<String, String> telemetry = TestKafka.tailing(Topics.DEVICE_TELEMETRY)) {
            given().auth().oauth2(DemoTokens.sign(claims)).header("PAC-Request-Id", "ping-" + serial)
                    .contentType(ContentType.JSON).body(VendorDocument.section("Ping").requestText())
                    .when().post("/v1/ping").then().statusCode(200)
                    .body("error", nullValue())
                    .body("$", org.hamcrest.Matchers.hasKey("error"))
                    .body("serverTimestamp", endsWith("Z"));
            List<ConsumerRecord<String, String>> records = TestKafka.await(telemetry,
                    r -> ("390:" + serial).equals(r.key()), Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            JsonNode value = EntryJson.newMapper().readTree(records.get(0).value());
            assertThat(value.path("batteryPercentage").decimalValue()).isEqualByComparingTo("85");
            assertThat(value.path("accessoryBatteryPercentage").decimalValue()).isEqualByComparingTo("35");
            assertThat(value.path("geoLocation").asText()).isEqualTo("37.7749,-122.4194");
            assertThat(value.path("recordId").asText()).isNotBlank();
            assertThat(TestKafka.header(records.get(0), RecordHeaders.EVENT_TYPE)).isEqualTo("DeviceTelemetry");
            assertThat(TestKafka.header(records.get(0), RecordHeaders.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(TestKafka.header(records.get(0), RecordHeaders.REQUEST_ID)).isEqualTo("ping-" + serial);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(count("SELECT count(*) FROM pings WHERE serial_number = '" + serial + "'")).isEqualTo(1);
        given().header("Authorization", "Bearer " + Admin.SECRET).when().get("/admin/v1/fleet/390/TS").then()
                .statusCode(200)
                .body("devices.find { it.serialNumber == '" + serial + "' }.batteryPercentage", equalTo(85.0f))
                .body("devices.find { it.serialNumber == '" + serial + "' }.status", equalTo("ONLINE"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.lastSeenSource", equalTo("ping"));
    }

    @Test
    void pingRefusesLimitedSessionsAndNamesAWrongTypedField() {
        given().auth().oauth2(DemoTokens.limited()).contentType(ContentType.JSON)
                .body(VendorDocument.section("Ping").requestText())
                .when().post("/v1/ping").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body("{\"batteryPercentage\": \"full\"}")
                .when().post("/v1/ping").then().statusCode(400)
                .body("error.details[0].field", equalTo("batteryPercentage"));
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON)
                .body("{\"batteryPercentage\": 140}")
                .when().post("/v1/ping").then().statusCode(400)
                .body("error.details[0].field", equalTo("batteryPercentage"));
    }

    // ---------------------------------------------------------------- catalog import

    @Test
    void malformedCatalogIsRejectedWholeWithEveryReasonAndNothingApplied() {
        String goodVenueThatMustNotLand = "{\"dataAccountId\": \"978\", \"venueCode\": \"NEVER\", \"venueName\": \"x\","
                + " \"timeZone\": \"America/Chicago\"}";
        String badZone = "{\"dataAccountId\": \"978\", \"venueCode\": \"BADZONE\", \"venueName\": \"x\","
                + " \"timeZone\": \"Mars/Olympus\"}";
        String badEvent = "{\"eventId\": \"978:A.B:C\", \"dataAccountId\": \"978\", \"seasonCd\": \"A.B\","
                + " \"eventCd\": \"C\", \"eventName\": \"x\", \"venueCode\": \"NEVER\","
                + " \"eventStartDateTime\": \"2026-05-01T19:00:00\", \"barcodeMasks\": [\"978###\"], \"test\": false}";
        String orphanEvent = "{\"eventId\": \"978:S:E\", \"dataAccountId\": \"978\", \"seasonCd\": \"S\","
                + " \"eventCd\": \"E\", \"eventName\": \"x\", \"venueCode\": \"GHOST\","
                + " \"eventStartDateTime\": \"2026-05-01T19:00:00\", \"barcodeMasks\": [], \"test\": false}";
        String mismatchedId = "{\"eventId\": \"978:S:OTHER\", \"dataAccountId\": \"978\", \"seasonCd\": \"S\","
                + " \"eventCd\": \"E2\", \"eventName\": \"x\", \"venueCode\": \"NEVER\","
                + " \"eventStartDateTime\": \"2026-05-01T19:00:00\", \"test\": false}";
        Admin.importCatalog("{\"venues\": [" + goodVenueThatMustNotLand + "," + badZone + "], \"events\": ["
                + badEvent + "," + orphanEvent + "," + mismatchedId + "], \"nfcKeys\": [{\"dataAccountId\": \"978\","
                + " \"wallet\": \"samsung\", \"privateKey\": \"k\"}]}")
                .statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details.field", hasItems("venues[1].timeZone", "events[0].eventId",
                        "events[1].venueCode", "events[2].eventId", "nfcKeys[0].wallet"));
        assertThat(count("SELECT count(*) FROM venues WHERE data_account_id = '978'")).isZero();
    }

    @Test
    void catalogWithWrongTypesIsRefusedNamingTheField() {
        Admin.importCatalog("{\"layouts\": [{\"dataAccountId\": \"977\", \"checkpointLayoutId\": \"abc\"}]}")
                .statusCode(400).body("error.details[0].field", equalTo("layouts[0].checkpointLayoutId"));
        given().contentType(ContentType.JSON).body("{}").when().post("/admin/v1/catalog").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body("{}")
                .when().post("/admin/v1/catalog").then().statusCode(401);
    }

    @Test
    void importedChangeIsPublishedOnTheCatalogTopicsAndUnchangedIsNot() throws Exception {
        String name = "Clock Test Hall " + UUID.randomUUID();
        String doc = Admin.clockCatalog(Admin.event("PUBLISHED", "2026-06-01T19:00:00", null))
                .replace("Clock Test Hall", name);
        try (KafkaConsumer<String, String> venues = TestKafka.tailing(Topics.CATALOG_VENUES);
                KafkaConsumer<String, String> events = TestKafka.tailing(Topics.CATALOG_EVENTS)) {
            Admin.importCatalog(doc).statusCode(200).body("changedVenues", equalTo(1));
            List<ConsumerRecord<String, String>> published = TestKafka.await(venues,
                    r -> "977:CLK".equals(r.key()) && r.value().contains(name), Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            assertThat(TestKafka.header(published.get(0), RecordHeaders.EVENT_TYPE)).isEqualTo("CatalogVenue");
            JsonNode venue = EntryJson.newMapper().readTree(published.get(0).value());
            assertThat(venue.path("recordId").asText()).isNotBlank();
            assertThat(venue.path("timeZone").asText()).isEqualTo("America/Chicago");
            TestKafka.await(events, r -> "977:CLK:PUBLISHED".equals(r.key()), Duration.ofSeconds(20));
        }
        Admin.importCatalog(doc).statusCode(200)
                .body("changedVenues", equalTo(0)).body("changedLayouts", equalTo(0)).body("changedEvents", equalTo(0));
    }

    @Test
    void hundredsOfEventsImportInOneRequest() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            if (i > 0) {
                events.append(',');
            }
            events.append(Admin.event("BULK" + i, "2027-01-01T19:00:00", null));
        }
        long started = System.nanoTime();
        Admin.importCatalog(Admin.clockCatalog(events.toString())).statusCode(200).body("events", equalTo(400));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(count("SELECT count(*) FROM events WHERE event_id LIKE '977:CLK:BULK%'")).isEqualTo(400);
    }

    @Test
    void adminReadsTheCatalogAndOneEvent() {
        given().header("Authorization", "Bearer " + Admin.SECRET).when().get("/admin/v1/catalog").then()
                .statusCode(200)
                .body("venues.venueCode", hasItems("TS", "MEM", "BASS"))
                .body("layouts.checkpointLayoutCode", hasItems("CL.TS", "CL.MEM", "CL.8269"));
        given().header("Authorization", "Bearer " + Admin.SECRET).when().get("/admin/v1/catalog/events/129:BASS:DEMO")
                .then().statusCode(200).body("eventName", equalTo("Special Area Demo Night"))
                .body("offset", notNullValue());
        given().header("Authorization", "Bearer " + Admin.SECRET).when().get("/admin/v1/catalog/events/1:2:3")
                .then().statusCode(404);
    }

    // ---------------------------------------------------------------- fleet

    @Test
    void fleetFollowsSessionsAndScansSkipsForeignRecordsAndFlagsSpecialAreaMismatch() {
        String serial = "FLEET-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(Topics.DEVICE_SESSIONS, "390:" + serial, "Foreign", "this is not JSON");
        TestKafka.publish(Topics.DEVICE_SESSIONS, "390:" + serial, "Foreign", "{\"hello\": \"world\"}");
        DeviceSessionRecord session = new DeviceSessionRecord("session-" + serial, DeviceSessionKind.SESSION, "390",
                serial, 4242L, 7, "Janam-XT3-7", "demo-partner", "FULL", "TS", 3900001L, 39001L, "Main Gate", 123L,
                "VIP Entrance", "VIP Entrance", 2, 80, true, "Janam", "XT3", "fw-1.2", "app-3.4", null, null,
                Instant.now().minusSeconds(5), null);
        TestKafka.publish(Topics.DEVICE_SESSIONS, session.key(), DeviceSessionRecord.EVENT_TYPE, session);
        ScanEventRecord scan = new ScanEventRecord("scan-" + serial, ScanSource.ONLINE, "req-1", "390", "TS",
                DemoData.TS_EVENT_ID, "39000000000001", "39000000000001", ScanMode.ENTRY, null, null, null, false,
                ScanStatus.ADMIT, null, "Good Ticket", OffsetDateTime.now(), Instant.now(), 4242L, "Janam-XT3-7",
                serial, 39001L, "Main Gate", 123L, "VIP Entrance", null, null, null,
                new DeviceTelemetry(NetworkType.WIFI, null, null, null, null, "-61", null, null, null, null, null,
                        null, null));
        TestKafka.publish(Topics.SCAN_EVENTS, scan.key(), ScanEventRecord.EVENT_TYPE, scan);
        TestKafka.publish(Topics.SCAN_EVENTS, scan.key(), ScanEventRecord.EVENT_TYPE, scan); // redelivery

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", "Bearer " + Admin.SECRET).when().get("/admin/v1/fleet/390/TS").then()
                .statusCode(200)
                .body("devices.find { it.serialNumber == '" + serial + "' }.deviceName", equalTo("Janam-XT3-7"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.firmwareVersion", equalTo("fw-1.2"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.networkSignal", equalTo("-61"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.lastSeenSource", equalTo("scan"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.status", equalTo("ONLINE"))
                .body("devices.find { it.serialNumber == '" + serial + "' }.specialAreaMismatches",
                        equalTo(List.of("specialAreaMaxCapacity: device declares 80, catalog has 100"))));
        assertThat(count("SELECT count(*) FROM processed_records WHERE record_id = 'scan-" + serial + "'"))
                .isEqualTo(1);
        given().when().get("/admin/v1/fleet/390/TS").then().statusCode(401);
    }

    @Test
    void readinessIsUpOnceTheCatalogIsLoaded() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'catalog' }.status", equalTo("UP"));
    }

    // ---------------------------------------------------------------- helpers

    private static String demoKey(String account, String wallet) {
        CatalogDocument catalog = DemoData.catalog();
        return catalog.nfcKeys().stream().filter(k -> k.dataAccountId().equals(account) && k.wallet().equals(wallet))
                .findFirst().orElseThrow().privateKey();
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
