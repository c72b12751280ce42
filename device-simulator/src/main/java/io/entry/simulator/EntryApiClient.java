package io.entry.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.api.CreateSessionRequest;
import io.entry.model.api.DeviceTimestamp;
import io.entry.model.api.EventsRequest;
import io.entry.model.api.EventsResponse;
import io.entry.model.api.InputType;
import io.entry.model.api.NetworkType;
import io.entry.model.api.OfflineScan;
import io.entry.model.api.ScanMode;
import io.entry.model.api.SessionResponse;
import io.entry.model.api.SoftwareMode;
import io.entry.model.api.TicketLookupResponse;
import io.entry.model.api.ValidateScanRequest;
import io.entry.model.api.ValidateScanResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The public routes a device calls, through the gateway. Every request carries the PAC-Request-Id given. */
public final class EntryApiClient {

    /** An HTTP answer: status, the parsed body when 200, and the raw text otherwise. */
    public record Answer<T>(int status, T body, String text) {

        public boolean ok() {
            return status == 200 && body != null;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ObjectMapper json = EntryJson.newMapper();
    private final HttpClient http;
    private final URI baseUrl;
    private final String apiKey;

    public EntryApiClient(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Answer<SessionResponse> createSession(String requestId, String venueCode, String dataAccountId,
            String serialNumber, Long specialAreaId) {
        CreateSessionRequest body = new CreateSessionRequest(venueCode, dataAccountId, serialNumber, "Zebra", "TC52",
                "11.4", "entry-sim 1.0", null, specialAreaId, null, null, null, null, NetworkType.WIFI, "stadium",
                null, 6, null, "-61", "10.0.0.1", SoftwareMode.HANDHELD, null, null, null, null, now());
        return send(post("/v1/session", requestId, body).header("API-Authorization-Key", apiKey),
                SessionResponse.class);
    }

    public Answer<EventsResponse> events(String requestId, String jwt) {
        EventsRequest body = new EventsRequest(NetworkType.WIFI, "stadium", null, 6, null, "-61", "10.0.0.1",
                SoftwareMode.HANDHELD, null, null, null, null, now());
        return send(post("/v1/events", requestId, body).header("Authorization", "Bearer " + jwt),
                EventsResponse.class);
    }

    public Answer<ValidateScanResponse> validate(String requestId, String jwt, String token, ScanMode mode,
            InputType inputType) {
        ValidateScanRequest body = new ValidateScanRequest(token, inputType, mode, null, null, false,
                NetworkType.WIFI, "stadium", null, 6, null, "-61", "10.0.0.1", SoftwareMode.HANDHELD, null, null,
                null, null, now());
        return send(post("/v1/validate", requestId, body).header("Authorization", "Bearer " + jwt),
                ValidateScanResponse.class);
    }

    public Answer<TicketLookupResponse> lookup(String requestId, String jwt, String barcode) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/v1/tickets/"
                        + URLEncoder.encode(barcode, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(TIMEOUT).header("PAC-Request-Id", requestId).header("Authorization", "Bearer " + jwt)
                .GET();
        return send(request, TicketLookupResponse.class);
    }

    /** The vendor's recipe: the JSON array gzip-compressed, raw, with Content-Encoding gzip and a Filename. */
    public Answer<io.entry.model.api.OfflineUploadResponse> uploadOffline(String requestId, String eventId,
            String filename, List<OfflineScan> scans) {
        byte[] gzip;
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(json.writeValueAsBytes(scans));
            }
            gzip = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/v1/offline-scans/"
                        + URLEncoder.encode(eventId, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT)
                .header("PAC-Request-Id", requestId)
                .header("API-Authorization-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Filename", filename)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip));
        return send(request, io.entry.model.api.OfflineUploadResponse.class);
    }

    private HttpRequest.Builder post(String path, String requestId, Object body) {
        try {
            return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT)
                    .header("PAC-Request-Id", requestId)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> Answer<T> send(HttpRequest.Builder request, Class<T> type) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Answer<>(response.statusCode(), null, response.body());
            }
            return new Answer<>(200, json.readValue(response.body(), type), response.body());
        } catch (IOException e) {
            return new Answer<>(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer<>(0, null, "interrupted");
        }
    }

    private static DeviceTimestamp now() {
        return new DeviceTimestamp(OffsetDateTime.now().withNano(0).toString());
    }
}
