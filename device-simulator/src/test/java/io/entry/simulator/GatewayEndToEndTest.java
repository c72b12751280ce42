package io.entry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway routes only the public routes (CONTRACT §1) and answers what it refuses itself with the contract's
 * JSON error body (§2), even for requests it cannot parse. Raw sockets, so nothing is normalised on the way.
 */
@EnabledIfSystemProperty(named = "entry.e2e", matches = "true")
class GatewayEndToEndTest {

    private static final URI BASE = URI.create(System.getProperty("entry.e2e.base-url", "http://127.0.0.1:18080"));
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = { "/admin/v1/catalog", "/q/health/ready", "/q/metrics", "/v1/tickets", "/v1/offline-scans",
            "/v1/unknown", "/v1/../admin/v1/catalog" })
    void whatIsNotAPublicRouteIsNotFound(String path) throws IOException {
        String response = send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 404").contains("application/json")
                .contains("\"code\":\"NOT_FOUND\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /v1/tickets/a b HTTP/1.1\r\nHost: x\r\n\r\n", "GARBAGE\r\n\r\n",
            "GET /v1/tickets/abc%00def HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /v1/tickets/abc%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" })
    void malformedRequestsGetTheJsonErrorBody(String request) throws IOException {
        String response = send(request);
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/json")
                .contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    void overlongUriIsABadRequestWithTheJsonBody() throws IOException {
        String response = send("GET /v1/tickets/" + "1".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    void gatewayErrorsQuoteTheClientsRequestIdOrMakeAUuidV4() throws IOException {
        assertThat(send("GET /nope HTTP/1.1\r\nHost: x\r\nPAC-Request-Id: gw-1\r\nConnection: close\r\n\r\n"))
                .contains("\"requestId\":\"gw-1\"");
        assertThat(send("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .containsPattern("\"requestId\":\"" + UUID_V4 + "\"");
    }

    private static String send(String request) throws IOException {
        try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
