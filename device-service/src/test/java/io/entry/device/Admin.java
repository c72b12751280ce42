package io.entry.device;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls of the admin routes as an operator makes them. */
final class Admin {

    static final String SECRET = "entry-admin-local";

    private Admin() {
    }

    static ValidatableResponse importCatalog(String json) {
        return given().header("Authorization", "Bearer " + SECRET).contentType(ContentType.JSON).body(json)
                .when().post("/admin/v1/catalog").then();
    }

    /** A test-only venue (account 977, never used by the demo data) with one layout. */
    static String clockVenue() {
        return """
                {"dataAccountId": "977", "venueCode": "CLK", "venueName": "Clock Test Hall",
                 "timeZone": "America/Chicago", "checkpointLayoutId": 9770001}""";
    }

    static String clockLayout() {
        return """
                {"dataAccountId": "977", "checkpointLayoutId": 9770001, "checkpointLayoutName": "Clock Layout",
                 "checkpointLayoutCode": "CL.CLK", "venueCode": "CLK", "allowReentry": false,
                 "defaultCheckpointId": 97701, "checkpoints": [{"checkpointId": 97701, "checkpointName": "Door"}],
                 "specialAreas": [{"specialAreaId": 9771, "specialAreaName": "Balcony", "maxEntryPerTicket": 1,
                   "maxCapacity": 10, "requireEntryExit": true, "entitlementRequired": false}],
                 "deviceAssignments": []}""";
    }

    static String event(String eventCd, String start, String end) {
        return "{\"eventId\": \"977:CLK:" + eventCd + "\", \"dataAccountId\": \"977\", \"seasonCd\": \"CLK\","
                + " \"eventCd\": \"" + eventCd + "\", \"eventName\": \"" + eventCd + "\", \"venueCode\": \"CLK\","
                + " \"eventStartDateTime\": \"" + start + "\""
                + (end == null ? "" : ", \"eventEndDateTime\": \"" + end + "\"")
                + ", \"barcodeMasks\": [\"977###########\"], \"test\": true}";
    }

    static String clockCatalog(String... events) {
        return "{\"venues\": [" + clockVenue() + "], \"layouts\": [" + clockLayout() + "], \"events\": ["
                + String.join(",", events) + "]}";
    }
}
