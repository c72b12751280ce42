package io.entry.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.api.CreateLiteSessionRequest;
import io.entry.model.api.CreateSessionRequest;
import io.entry.model.api.EventsRequest;
import io.entry.model.api.EventsResponse;
import io.entry.model.api.OfflineScan;
import io.entry.model.api.OfflineUploadResponse;
import io.entry.model.api.PingRequest;
import io.entry.model.api.PingResponse;
import io.entry.model.api.SessionResponse;
import io.entry.model.api.TicketLookupRequest;
import io.entry.model.api.TicketLookupResponse;
import io.entry.model.api.ValidateScanRequest;
import io.entry.model.api.ValidateScanResponse;
import io.entry.model.api.VenuesRequest;
import io.entry.model.api.VenuesResponse;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request and response sample of the vendor document reads into common-model's records and writes back to
 * equivalent JSON: same fields, same values; numbers the vendor sent as strings come back as numbers.
 */
class VendorSamplesRoundTripTest {

    private static final ObjectMapper JSON = EntryJson.newMapper();
    private static final ObjectMapper WRITER = EntryJson.newMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final Map<String, List<Object>> TYPES = Map.of(
            "Create Session", List.of(CreateSessionRequest.class, SessionResponse.class),
            "Create Session (Lite)", List.of(CreateLiteSessionRequest.class, SessionResponse.class),
            "Get Events", List.of(EventsRequest.class, EventsResponse.class),
            "Get Venues", List.of(VenuesRequest.class, VenuesResponse.class),
            "Ping", List.of(PingRequest.class, PingResponse.class),
            "Validate Scan", List.of(ValidateScanRequest.class, ValidateScanResponse.class),
            "Ticket Lookup", List.of(TicketLookupRequest.class, TicketLookupResponse.class),
            "Offline Scan Upload", List.of(new TypeReference<List<OfflineScan>>() { }, OfflineUploadResponse.class));

    static Stream<Arguments> samples() {
        return VendorDocument.SECTIONS.stream().flatMap(section -> Stream.of(
                Arguments.of(section, "request"), Arguments.of(section, "response")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void sampleReadsIntoTheRecordAndWritesBackEquivalent(String section, String which) throws Exception {
        VendorDocument.Samples samples = VendorDocument.section(section);
        JsonNode sample = which.equals("request") ? samples.request() : samples.response();
        Object type = TYPES.get(section).get(which.equals("request") ? 0 : 1);
        JavaType javaType = type instanceof Class<?> c ? JSON.constructType(c)
                : JSON.getTypeFactory().constructType((TypeReference<?>) type);

        Object record = JSON.readValue(sample.toString(), javaType);
        JsonNode written = WRITER.valueToTree(record);

        assertEquivalent(section + " " + which, sample, written);
    }

    @Test
    void theDocumentHasASampleForEverySection() {
        assertThat(VendorDocument.all()).hasSize(8);
        assertThat(VendorDocument.section("Validate Scan").response().get("eventId").asText())
                .isEqualTo("390:DEPLOY:TEST");
        assertThat(VendorDocument.section("Offline Scan Upload").request().isArray()).isTrue();
    }

    @Test
    void legacySoftwareModeSpellingAndAnyCaseAreRead() throws Exception {
        ValidateScanRequest request = JSON.readValue("""
                {"token": "1", "inputType": "barcode", "scanMode": "ENTRY", "softwarewMode": "pedestal",
                 "deviceTimestamp": "2026-12-03T10:15:00-06:00"}""", ValidateScanRequest.class);
        assertThat(request.scanMode().wire()).isEqualTo("Entry");
        assertThat(request.inputType().wire()).isEqualTo("Barcode");
        assertThat(request.softwareMode().wire()).isEqualTo("Pedestal");
        assertThat(request.deviceTimestamp().value()).isEqualTo("2026-12-03T10:15:00-06:00");
        assertThat(JSON.writeValueAsString(request.scanMode())).isEqualTo("\"Entry\"");
    }

    /** Same fields and values; a sample's numeric string equals the number written back. */
    static void assertEquivalent(String where, JsonNode sample, JsonNode written) {
        if (sample.isObject()) {
            assertThat(written.isObject()).as(where + " is an object").isTrue();
            Iterator<String> names = sample.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode expected = sample.get(name);
                JsonNode actual = written.get(name);
                if (expected.isObject() && expected.isEmpty() && actual != null && actual.isObject()) {
                    continue; // collapsed by the document's rendering: CONTRACT §4 gives the shape
                }
                assertThat(actual).as(where + "." + name + " written back").isNotNull();
                assertEquivalent(where + "." + name, expected, actual);
            }
            if (where.contains(" request")) { // responses may carry what CONTRACT §4 and §6 add (serverTimestamp, key, ...)
                assertThat(written.size()).as(where + " has no fields the sample lacks: " + written)
                        .isEqualTo(sample.size());
            }
        } else if (sample.isArray()) {
            assertThat(written.size()).as(where + " size").isEqualTo(sample.size());
            for (int i = 0; i < sample.size(); i++) {
                assertEquivalent(where + "[" + i + "]", sample.get(i), written.get(i));
            }
        } else if (sample.isTextual() && written.isNumber()) {
            assertThat(written.decimalValue().compareTo(new BigDecimal(sample.asText())))
                    .as(where + " number sent as string").isZero();
        } else if (sample.isNumber() && written.isNumber()) {
            assertThat(written.decimalValue().compareTo(sample.decimalValue())).as(where).isZero();
        } else {
            assertThat(written).as(where).isEqualTo(sample);
        }
    }
}
