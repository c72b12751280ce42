package io.entry.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.entry.model.EntryJson;
import io.entry.model.events.Topics;
import io.entry.runtime.security.ApiKeys;
import io.entry.testsupport.DemoData;
import io.entry.testsupport.DemoTokens;
import io.entry.testsupport.TestStack;
import io.entry.testsupport.VendorDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions, tokens, keys and revocations against the real test PostgreSQL and Kafka (CONTRACT §3). */
@QuarkusTest
class SessionsTest {

    static final String DEMO_KEY = "entry-demo-key-0001";
    static final String ADMIN = "Bearer entry-admin-local";
    static final ObjectMapper JSON = EntryJson.newMapper();

    static final Set<String> FULL_CLAIMS = Set.of("deviceId", "deviceName", "deviceNumber", "serialNumber",
            "venueName", "venueCode", "checkpointLayoutId", "checkpointLayoutName", "checkpointLayoutCode",
            "specialAreaId", "specialAreaName", "specialAreaMaxCapacity", "specialAreaMaxEntryPerTicket",
            "specialAreaRequireEntryExit", "checkpointId", "checkpointName", "partnerId", "deviceType",
            "dataAccountId", "accessorySerialNumber", "accessoryNumber", "venueTimezone", "iat", "exp", "iss", "sub",
            "jti", "integratorType", "groups");
    static final Set<String> LITE_CLAIMS = Set.of("dataAccountId", "venueCode", "venueName", "venueTimezone",
            "serialNumber", "partnerId", "iss", "sub", "jti", "iat", "exp", "integratorType", "groups");

    private static boolean catalogPublished;

    @BeforeEach
    void catalogIsPublished() {
        if (catalogPublished) {
            return;
        }
        catalogPublished = true;
        DemoData.publishCatalog(TestStack.kafkaBootstrap());
        // the consumer applies it asynchronously: wait until a session for the demo venue finds it
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                session("/v1/session/lite", DEMO_KEY, VendorDocument.section("Create Session (Lite)").requestText())
                        .extract().statusCode() == 200);
    }

    // ---------------------------------------------------------------- the vendor's samples

    @Test
    void createSessionSampleReturnsEveryClaimWithTheDemoCatalogsValues() throws Exception {
        String jwt = session("/v1/session", DEMO_KEY, VendorDocument.section("Create Session").requestText())
                .statusCode(200).extract().path("jwt");
        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("entry-demo-1");
        JsonNode claims = payload(jwt);
        assertThat(names(claims)).isEqualTo(FULL_CLAIMS);
        assertThat(claims.get("deviceId").isIntegralNumber()).isTrue();
        assertThat(claims.get("deviceNumber").isIntegralNumber()).isTrue();
        assertThat(claims.get("sub").asText()).isEqualTo(claims.get("deviceId").asText());
        assertThat(claims.get("deviceName").asText()).isEqualTo("Janam-Model X-" + claims.get("deviceNumber").asInt());
        assertThat(claims.get("serialNumber").asText()).isEqualTo("123456789");
        assertThat(claims.get("venueName").asText()).isEqualTo("Test Stadium");
        assertThat(claims.get("venueCode").asText()).isEqualTo("TS");
        assertThat(claims.get("checkpointLayoutId").isIntegralNumber()).isTrue();
        assertThat(claims.get("checkpointLayoutId").asLong()).isEqualTo(3900001L);
        assertThat(claims.get("checkpointLayoutName").asText()).isEqualTo("Test Stadium Layout");
        assertThat(claims.get("checkpointLayoutCode").asText()).isEqualTo("CL.TS");
        assertThat(claims.get("specialAreaId").isIntegralNumber()).isTrue();
        assertThat(claims.get("specialAreaId").asLong()).isEqualTo(123L);
        assertThat(claims.get("specialAreaName").asText()).isEqualTo("VIP Entrance");
        assertThat(claims.get("specialAreaMaxCapacity").asInt()).isEqualTo(100);
        assertThat(claims.get("specialAreaMaxEntryPerTicket").asInt()).isEqualTo(2);
        assertThat(claims.get("specialAreaRequireEntryExit").isBoolean()).isTrue();
        assertThat(claims.get("specialAreaRequireEntryExit").asBoolean()).isTrue();
        assertThat(claims.get("checkpointId").asLong()).isEqualTo(39001L);
        assertThat(claims.get("checkpointName").asText()).isEqualTo("Main Gate");
        assertThat(claims.get("partnerId").asText()).isEqualTo("demo-partner");
        assertThat(claims.get("deviceType").asText()).isEqualTo("handheld");
        assertThat(claims.get("dataAccountId").isTextual()).isTrue();
        assertThat(claims.get("dataAccountId").asText()).isEqualTo("390");
        assertThat(claims.get("accessorySerialNumber").asText()).isEqualTo("string");
        assertThat(claims.get("accessoryNumber").isNull()).isTrue();
        assertThat(claims.get("venueTimezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(24 * 3600);
        assertThat(claims.get("iss").asText()).isEqualTo("https://entry.local/auth");
        assertThat(claims.get("integratorType").asText()).isEqualTo("FULL");
        assertThat(claims.get("groups")).containsExactly(JSON.getNodeFactory().textNode("device"));
    }

    @Test
    void secondSessionOfTheSameDeviceKeepsItsDeviceIdAndNumber() throws Exception {
        String sample = VendorDocument.section("Create Session").requestText();
        JsonNode first = payload(session("/v1/session", DEMO_KEY, sample).statusCode(200).extract().path("jwt"));
        JsonNode second = payload(session("/v1/session", DEMO_KEY, sample).statusCode(200).extract().path("jwt"));
        assertThat(second.get("deviceId").asLong()).isEqualTo(first.get("deviceId").asLong());
        assertThat(second.get("deviceNumber").asInt()).isEqualTo(first.get("deviceNumber").asInt());
        assertThat(second.get("jti").asText()).isNotEqualTo(first.get("jti").asText());
    }

    @Test
    void liteSessionSampleCarriesTheReducedClaimSet() throws Exception {
        String jwt = session("/v1/session/lite", DEMO_KEY, VendorDocument.section("Create Session (Lite)").requestText())
                .statusCode(200).extract().path("jwt");
        JsonNode claims = payload(jwt);
        assertThat(names(claims)).isEqualTo(LITE_CLAIMS);
        assertThat(claims.get("integratorType").asText()).isEqualTo("LIMITED");
        assertThat(claims.get("groups")).containsExactly(JSON.getNodeFactory().textNode("integrator"));
        assertThat(claims.get("sub").asText()).isEqualTo("123456789");
        assertThat(claims.get("venueName").asText()).isEqualTo("Test Stadium");
        assertThat(claims.get("venueTimezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(claims.get("dataAccountId").asText()).isEqualTo("390");
    }

    @Test
    void catalogAssignmentNamesTheDeviceAndPicksItsCheckpoint() throws Exception {
        String body = """
                {"venueCode": "BASS", "dataAccountId": "129", "serialNumber": "1205243", "make": "Janam",
                 "model": "XT2", "softwareMode": "PEDESTAL"}""";
        JsonNode claims = payload(session("/v1/session", DEMO_KEY, body).statusCode(200).extract().path("jwt"));
        assertThat(claims.get("deviceName").asText()).isEqualTo("LoadTest-Janam2");
        assertThat(claims.get("checkpointId").asLong()).isEqualTo(221006L);
        assertThat(claims.get("checkpointName").asText()).isEqualTo("Entry Capacity");
        assertThat(claims.get("checkpointLayoutCode").asText()).isEqualTo("CL.8269");
        assertThat(claims.get("deviceType").asText()).isEqualTo("pedestal");
        assertThat(claims.get("dataAccountId").asText()).isEqualTo("129");
        // no special area requested: the claims are present and null
        assertThat(claims.get("specialAreaId").isNull()).isTrue();
        assertThat(claims.get("specialAreaRequireEntryExit").isNull()).isTrue();
    }

    @Test
    void newDevicesOfOneVenueGetDistinctNumbersEvenConcurrently() throws Exception {
        String prefix = "conc-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<CompletableFuture<Integer>> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"venueCode\": \"MEM\", \"dataAccountId\": \"390\", \"serialNumber\": \"" + prefix + i
                    + "\", \"make\": \"Zebra\", \"model\": \"TC52\"}";
            sessions.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return payload(session("/v1/session", DEMO_KEY, body).statusCode(200).extract().path("jwt"))
                            .get("deviceNumber").asInt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Set<Integer> numbers = new HashSet<>();
        for (CompletableFuture<Integer> session : sessions) {
            numbers.add(session.get());
        }
        assertThat(numbers).hasSize(8);
    }

    @Test
    void deviceMovingVenueGetsTheNextNumberThereAndKeepsItsId() throws Exception {
        String serial = "mover-" + UUID.randomUUID();
        JsonNode atTs = payload(session("/v1/session", DEMO_KEY, device("TS", serial)).statusCode(200)
                .extract().path("jwt"));
        JsonNode atMem = payload(session("/v1/session", DEMO_KEY, device("MEM", serial)).statusCode(200)
                .extract().path("jwt"));
        assertThat(atMem.get("deviceId").asLong()).isEqualTo(atTs.get("deviceId").asLong());
        assertThat(atMem.get("venueCode").asText()).isEqualTo("MEM");
        assertThat(atMem.get("checkpointName").asText()).isEqualTo("Gate 1");
        assertThat(atMem.get("deviceName").asText()).isEqualTo("Janam-XT2-" + atMem.get("deviceNumber").asInt());
    }

    // ---------------------------------------------------------------- keys and verification

    @Test
    void tokenVerifiesWithNimbusGivenOnlyTheJwksDocument() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).allMatch(key -> !key.isPrivate());
        String jwt = session("/v1/session", DEMO_KEY, VendorDocument.section("Create Session").requestText())
                .statusCode(200).extract().path("jwt");
        SignedJWT parsed = SignedJWT.parse(jwt);
        RSAKey key = (RSAKey) set.getKeyByKeyId(parsed.getHeader().getKeyID());
        assertThat(parsed.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void sessionTokenPassesTheSharedVerificationAndLimitedTokenIsForbiddenThere() {
        String jwt = session("/v1/session", DEMO_KEY, VendorDocument.section("Create Session").requestText())
                .statusCode(200).extract().path("jwt");
        given().auth().oauth2(jwt).get("/test-only/device-probe").then().statusCode(200)
                .body("serialNumber", equalTo("123456789"));
        String lite = session("/v1/session/lite", DEMO_KEY,
                VendorDocument.section("Create Session (Lite)").requestText()).statusCode(200).extract().path("jwt");
        given().auth().oauth2(lite).get("/test-only/device-probe").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void forgedTokensAreUnauthorized() throws Exception {
        Map<String, Object> claims = DemoTokens.fullClaims();
        claims.put("serialNumber", "never-revoked-" + UUID.randomUUID());
        given().auth().oauth2(DemoTokens.sign(claims)).get("/test-only/device-probe").then().statusCode(200);

        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(DemoTokens.KID).generate();
        assertUnauthorized(signWith(otherKey, claims));
        assertUnauthorized(new PlainJWT(claimSet(claims)).serialize());
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(DemoTokens.KID).build(),
                claimSet(claims));
        hs256.sign(new MACSigner(padTo32(DemoTokens.key().toPublicJWK().toJSONString())));
        assertUnauthorized(hs256.serialize());
        hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(DemoTokens.KID).build(),
                claimSet(claims));
        hs256.sign(new MACSigner(padTo32(new String(DemoTokens.key().toRSAPublicKey().getEncoded(),
                StandardCharsets.ISO_8859_1))));
        assertUnauthorized(hs256.serialize());
        String[] parts = DemoTokens.sign(claims).split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put("dataAccountId", "129");
        assertUnauthorized(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2]);
        assertUnauthorized(DemoTokens.sign(claims, Instant.now().minus(Duration.ofHours(25)), Duration.ofHours(24),
                DemoTokens.KID));
        assertUnauthorized(DemoTokens.sign(claims, Instant.now(), Duration.ofHours(24), "entry-unknown-kid"));
        Map<String, Object> otherIssuer = DemoTokens.fullClaims();
        assertUnauthorized(signWith(DemoTokens.key(), otherIssuer, "https://evil.example/auth"));
        given().get("/test-only/device-probe").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void missingUnknownOrRevokedKeyIsUnauthorized() {
        String sample = VendorDocument.section("Create Session").requestText();
        assertError(session("/v1/session", null, sample), 401, "UNAUTHORIZED");
        assertError(session("/v1/session", "no-such-key", sample), 401, "UNAUTHORIZED");
        String key = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"partnerId\": \"p-revoked\", \"dataAccountIds\": [\"390\"]}")
                .post("/admin/v1/api-keys").then().statusCode(201).extract().path("apiKey");
        session("/v1/session/lite", key, VendorDocument.section("Create Session (Lite)").requestText()).statusCode(200);
        given().header("Authorization", ADMIN).delete("/admin/v1/api-keys/" + ApiKeys.hash(key)).then()
                .statusCode(200).body("revoked", equalTo(true));
        assertError(session("/v1/session", key, sample), 401, "UNAUTHORIZED");
    }

    @Test
    void keyNotAllowedForTheAccountIsForbidden() {
        String key = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"partnerId\": \"p-390\", \"dataAccountIds\": [\"390\"]}")
                .post("/admin/v1/api-keys").then().statusCode(201).extract().path("apiKey");
        assertError(session("/v1/session/lite", key,
                "{\"dataAccountId\": \"129\", \"serialNumber\": \"x\", \"venueCode\": \"BASS\"}"), 403, "FORBIDDEN");
    }

    @Test
    void unknownVenueOrSpecialAreaIsNotFound() {
        assertError(session("/v1/session", DEMO_KEY, device("NOPE", "s-1")), 404, "NOT_FOUND");
        // BASS belongs to account 129, not 390
        assertError(session("/v1/session/lite", DEMO_KEY,
                "{\"dataAccountId\": \"390\", \"serialNumber\": \"s\", \"venueCode\": \"BASS\"}"), 404, "NOT_FOUND");
        assertError(session("/v1/session", DEMO_KEY, """
                {"venueCode": "TS", "dataAccountId": "390", "serialNumber": "s-2", "make": "Janam", "model": "X",
                 "specialAreaId": "74549"}"""), 404, "NOT_FOUND");
    }

    @Test
    void missingOrWronglyTypedFieldsAreBadRequestsNamingTheField() {
        session("/v1/session", DEMO_KEY, "{\"dataAccountId\": \"390\", \"serialNumber\": \"s\", \"make\": \"J\", "
                + "\"model\": \"X\"}").statusCode(400).body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details.field", hasItem("venueCode"));
        session("/v1/session", DEMO_KEY, """
                {"venueCode": "TS", "dataAccountId": "390", "serialNumber": "s", "make": "J", "model": "X",
                 "specialAreaId": "abc"}""").statusCode(400).body("error.details.field", hasItem("specialAreaId"));
        session("/v1/session/lite", DEMO_KEY, "{\"dataAccountId\": \"39\", \"serialNumber\": \"s\", \"venueCode\": \"TS\"}")
                .statusCode(400).body("error.details.field", hasItem("dataAccountId"));
        session("/v1/session/lite", DEMO_KEY, "not json").statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void oversizeOrNulCarryingTextIsRefusedBeforeItReachesATokenOrTheDatabase() {
        // A 100,000-character make would otherwise become a token too large for any gateway header.
        session("/v1/session", DEMO_KEY, device("TS", "s-long").replace("\"Janam\"", "\"" + "J".repeat(100_000) + "\""))
                .statusCode(400).body("error.details.field", hasItem("make"));
        // PostgreSQL text cannot hold NUL: refused while the body is read, naming the field.
        session("/v1/session", DEMO_KEY, device("TS", "s-nul\\u0000x"))
                .statusCode(400).body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.details.field", hasItem("serialNumber"));
        session("/v1/session/lite", DEMO_KEY, "{\"dataAccountId\": \"390\", \"serialNumber\": \"a\\u0000\", "
                + "\"venueCode\": \"TS\"}").statusCode(400).body("error.details.field", hasItem("serialNumber"));
    }

    @Test
    void adminRoutesNeedTheAdminSecret() {
        given().contentType(ContentType.JSON).body("{\"partnerId\": \"p\", \"dataAccountIds\": [\"390\"]}")
                .post("/admin/v1/api-keys").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer wrong").post("/admin/v1/devices/390/123456789/revoke").then()
                .statusCode(401);
        given().header("Authorization", ADMIN).post("/admin/v1/devices/390/no-such-device/revoke").then()
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    // ---------------------------------------------------------------- what reaches Kafka

    @Test
    void sessionIsPublishedOnDeviceSessionsWithHeaders() throws Exception {
        String serial = "published-" + UUID.randomUUID();
        try (TopicTail tail = TopicTail.fromEnd(Topics.DEVICE_SESSIONS)) {
            session("/v1/session", DEMO_KEY, device("TS", serial)).statusCode(200);
            ConsumerRecord<String, String> record = tail.await(r -> r.key().equals("390:" + serial),
                    Duration.ofSeconds(30));
            assertThat(record).isNotNull();
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("kind").asText()).isEqualTo("SESSION");
            assertThat(value.get("recordId").asText()).startsWith("session:");
            assertThat(value.get("deviceName").asText()).startsWith("Janam-XT2-");
            assertThat(header(record, "eventType")).isEqualTo("DeviceSession");
            assertThat(header(record, "schemaVersion")).isEqualTo("1");
            assertThat(header(record, "PAC-Request-Id")).isEqualTo("req-" + serial.substring(10, 20));
        }
    }

    @Test
    void demoKeyIsPublishedOnApiClients() throws Exception {
        try (TopicTail tail = TopicTail.fromBeginning(Topics.API_CLIENTS)) {
            ConsumerRecord<String, String> record = tail.await(r -> r.key().equals(ApiKeys.hash(DEMO_KEY)),
                    Duration.ofSeconds(30));
            assertThat(record).isNotNull();
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("partnerId").asText()).isEqualTo("demo-partner");
            assertThat(value.get("dataAccountIds")).hasSize(2);
            assertThat(value.has("key")).isFalse();
            assertThat(record.value()).doesNotContain(DEMO_KEY);
        }
    }

    @Test
    void revokedDevicesTokensAreRefusedAfterTheRevocationRecordArrives() throws Exception {
        String serial = "lost-" + UUID.randomUUID();
        String jwt = session("/v1/session", DEMO_KEY, device("TS", serial)).statusCode(200).extract().path("jwt");
        given().auth().oauth2(jwt).get("/test-only/device-probe").then().statusCode(200);
        try (TopicTail tail = TopicTail.fromEnd(Topics.DEVICE_SESSIONS)) {
            given().header("Authorization", ADMIN).post("/admin/v1/devices/390/" + serial + "/revoke").then()
                    .statusCode(200).body("serialNumber", equalTo(serial));
            ConsumerRecord<String, String> record = tail.await(r -> r.key().equals("390:" + serial)
                    && r.value().contains("\"REVOCATION\""), Duration.ofSeconds(30));
            assertThat(record).isNotNull();
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("kind").asText()).isEqualTo("REVOCATION");
            assertThat(value.get("revokedAt").isNull()).isFalse();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(jwt).get("/test-only/device-probe").then().statusCode(401)
                        .body("error.code", equalTo("UNAUTHORIZED")));
    }

    @Test
    void readyOnceTheCatalogWasReceived() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ---------------------------------------------------------------- helpers

    static ValidatableResponse session(String path, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("API-Authorization-Key", key);
        }
        if (body.contains("published-")) {
            request.header("PAC-Request-Id", "req-" + body.substring(body.indexOf("published-") + 10,
                    body.indexOf("published-") + 20));
        }
        return request.post(path).then();
    }

    static String device(String venueCode, String serial) {
        return "{\"venueCode\": \"" + venueCode + "\", \"dataAccountId\": \"390\", \"serialNumber\": \"" + serial
                + "\", \"make\": \"Janam\", \"model\": \"XT2\"}";
    }

    static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertError(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType(ContentType.JSON).body("error.code", equalTo(code));
    }

    static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get("/test-only/device-probe").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    static JWTClaimsSet claimSet(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(DemoTokens.ISSUER)
                .jwtID(UUID.randomUUID().toString()).issueTime(new java.util.Date())
                .expirationTime(java.util.Date.from(Instant.now().plus(Duration.ofHours(1))));
        claims.forEach(builder::claim);
        return builder.build();
    }

    static String signWith(RSAKey key, Map<String, Object> claims) throws Exception {
        return signWith(key, claims, DemoTokens.ISSUER);
    }

    static String signWith(RSAKey key, Map<String, Object> claims, String issuer) throws Exception {
        JWTClaimsSet set = new JWTClaimsSet.Builder(claimSet(claims)).issuer(issuer).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static byte[] padTo32(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length >= 32 ? bytes : java.util.Arrays.copyOf(bytes, 32);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
