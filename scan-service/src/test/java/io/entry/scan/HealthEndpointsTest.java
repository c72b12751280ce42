package io.entry.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }

    @Test
    void unknownPathAnswersTheContractErrorBody() {
        given().header("PAC-Request-Id", "req-404").when().get("/v1/no-such-route").then().statusCode(404)
                .header("PAC-Request-Id", "req-404")
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.requestId", equalTo("req-404"));
    }

    @Test
    void malformedRequestIdIsRefused() {
        given().header("PAC-Request-Id", "bad id with spaces").when().get("/q/health/live").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
    }
}
