package io.entry.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.entry.testsupport.DemoTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clock fixed at 00:10 on 2026-03-08 in America/Chicago (clocks spring forward at 02:00 that day), with the
 * test-only venue 977:CLK: "today" across midnight and the offsets of that day.
 */
@QuarkusTest
@TestProfile(ClockProfiles.SpringForward.class)
class SpringForwardDayTest {

    @BeforeEach
    void clockVenueEvents() {
        Admin.importCatalog(Admin.clockCatalog(
                Admin.event("S-LATE-YESTERDAY", "2026-03-07T23:30:00", null),
                Admin.event("S-EARLY", "2026-03-08T01:00:00", "2026-03-08T01:45:00"),
                Admin.event("S-IN-GAP", "2026-03-08T02:30:00", null),
                Admin.event("S-NOON", "2026-03-08T12:00:00", null),
                Admin.event("S-YESTERDAY-NOON", "2026-03-07T12:00:00", null),
                Admin.event("S-TOMORROW-NOON", "2026-03-09T12:00:00", null))).statusCode(200);
    }

    @Test
    void eventAt2330IsStillListedAt0010TheNextDayButYesterdaysAndTomorrowsAreNot() {
        events().body("events.eventId", hasItems("977:CLK:S-LATE-YESTERDAY", "977:CLK:S-NOON"))
                .body("events.eventId", not(hasItem("977:CLK:S-YESTERDAY-NOON")))
                .body("events.eventId", not(hasItem("977:CLK:S-TOMORROW-NOON")))
                .body(event("S-LATE-YESTERDAY") + ".eventStartDateTime", equalTo("2026-03-07T23:30:00"))
                // the default end is 4 hours of real time later: 23:30 CST + 4 h = 04:30 CDT (02:00 did not happen)
                .body(event("S-LATE-YESTERDAY") + ".eventEndDateTime", equalTo("2026-03-08T04:30:00"))
                .body(event("S-LATE-YESTERDAY") + ".doorsOpenDateTime", equalTo("2026-03-07T21:30:00"))
                .body(event("S-LATE-YESTERDAY") + ".offset", equalTo("-06:00"));
    }

    @Test
    void offsetIsTheVenuesAtTheEventStartOnTheSpringForwardDay() {
        events().body(event("S-EARLY") + ".offset", equalTo("-06:00"))
                .body(event("S-NOON") + ".offset", equalTo("-05:00"))
                .body(event("S-NOON") + ".timeZone", equalTo("America/Chicago"))
                .body(event("S-NOON") + ".doorsOpenDateTime", equalTo("2026-03-08T10:00:00"))
                .body(event("S-NOON") + ".eventEndDateTime", equalTo("2026-03-08T16:00:00"));
    }

    @Test
    void aStartInTheGapMovesForwardAsZonedDateTimeDoes() {
        events().body(event("S-IN-GAP") + ".eventStartDateTime", equalTo("2026-03-08T03:30:00"))
                .body(event("S-IN-GAP") + ".offset", equalTo("-05:00"));
    }

    @Test
    void pingAnswersWithTheServiceClock() {
        given().auth().oauth2(DemoTokens.full()).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/ping").then().statusCode(200)
                .body("serverTimestamp", equalTo("2026-03-08T06:10:00Z"));
    }

    static ValidatableResponse events() {
        Map<String, Object> claims = DemoTokens.limitedClaims();
        claims.put("dataAccountId", "977");
        claims.put("venueCode", "CLK");
        claims.put("venueTimezone", "America/Chicago");
        return given().auth().oauth2(DemoTokens.sign(claims)).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/events").then().statusCode(200);
    }

    static String event(String eventCd) {
        return "events.find { it.eventId == '977:CLK:" + eventCd + "' }";
    }
}
