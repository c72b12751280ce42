package io.entry.device;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import io.entry.testsupport.DemoTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clock shifted to 00:10 on 2026-11-01 in America/Chicago (clocks fall back at 02:00 that day, so 01:00-02:00
 * happens twice), with the test-only venue 977:CLK.
 */
@QuarkusTest
@TestProfile(ClockProfiles.FallBack.class)
class FallBackDayTest {

    @Inject
    Pool pool;

    @BeforeEach
    void clockVenueEvents() {
        Admin.importCatalog(Admin.clockCatalog(
                Admin.event("F-LATE-YESTERDAY", "2026-10-31T23:30:00", null),
                Admin.event("F-AMBIGUOUS", "2026-11-01T01:30:00", null),
                Admin.event("F-NOON", "2026-11-01T12:00:00", null))).statusCode(200);
    }

    @Test
    void offsetIsTheVenuesAtTheEventStartOnTheFallBackDay() {
        SpringForwardDayTest.events()
                .body("events.eventId", hasItems("977:CLK:F-LATE-YESTERDAY", "977:CLK:F-AMBIGUOUS", "977:CLK:F-NOON"))
                .body(SpringForwardDayTest.event("F-LATE-YESTERDAY") + ".offset", equalTo("-05:00"))
                .body(SpringForwardDayTest.event("F-NOON") + ".offset", equalTo("-06:00"))
                .body(SpringForwardDayTest.event("F-NOON") + ".eventEndDateTime", equalTo("2026-11-01T16:00:00"));
    }

    @Test
    void pingIsAnsweredWhileKafkaIsUnreachableAndItsRecordWaitsInTheOutbox() {
        Map<String, Object> claims = DemoTokens.fullClaims();
        claims.put("serialNumber", "OUTAGE-1");
        given().auth().oauth2(DemoTokens.sign(claims)).contentType(ContentType.JSON).body("{\"batteryPercentage\": 50}")
                .when().post("/v1/ping").then().statusCode(200).body("error", nullValue());
        // the relay tries (attempts grow) and keeps the record: nothing is marked sent without an acknowledgement
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox WHERE record_key = "
                + "'390:OUTAGE-1' AND sent_at IS NULL AND attempts > 0") == 1);
        assertThat(count("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")).isZero();
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void anAmbiguousStartTakesTheEarlierOffset() {
        SpringForwardDayTest.events()
                .body(SpringForwardDayTest.event("F-AMBIGUOUS") + ".eventStartDateTime", equalTo("2026-11-01T01:30:00"))
                .body(SpringForwardDayTest.event("F-AMBIGUOUS") + ".offset", equalTo("-05:00"));
    }
}
