package io.entry.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every Entry service must show on its own port (CONTRACT §1, §2): health, metrics and OpenAPI under /q, the
 * request id echoed or made, and the contract's error body for what no route answers. Each service runs it by
 * extending it in a {@code @QuarkusTest} class.
 */
public abstract class ServiceConventionsContract {

    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void kafkaHasAHealthGroupOfItsOwn() {
        given().when().get("/q/health/group/kafka").then().body("checks.name", org.hamcrest.Matchers.hasItem("kafka"));
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
                .contentType("application/json")
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.requestId", equalTo("req-404"));
    }

    @Test
    void requestIdIsMadeWhenAbsentAndAcceptedInAnyCase() {
        given().when().get("/q/health/live").then().header("PAC-Request-Id", matchesPattern(UUID_V4));
        given().header("pac-request-id", "lower.case:1").when().get("/q/health/live").then()
                .header("PAC-Request-Id", "lower.case:1");
    }

    @Test
    void malformedRequestIdIsRefused() {
        given().header("PAC-Request-Id", "bad id with spaces").when().get("/q/health/live").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
        given().header("PAC-Request-Id", "x".repeat(65)).when().get("/q/health/live").then().statusCode(400);
    }

    @Test
    void bodyDeclaredOverTheServiceLimitGetsTheContractErrorBody() throws IOException {
        // Declares a body far over any service's limit and sends none of it: the answer must come from the length.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/too-large-probe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "PAC-Request-Id: req-413\r\nContent-Length: 999999999999\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response).as(response).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
                    .contains("\"requestId\":\"req-413\"");
        }
    }

    /** Reads one HTTP response (headers and a Content-Length body) without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int headerEnd = -1;
        int bodyLength = 0;
        while (headerEnd < 0 || text.length() < headerEnd + bodyLength) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            if (headerEnd < 0 && text.toString().endsWith("\r\n\r\n")) {
                headerEnd = text.length();
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                        .matcher(text);
                bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            }
        }
        return text.toString();
    }
}
