package io.entry.scan.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entry.runtime.web.ApiException;
import io.entry.scan.service.TextRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw-path barcode and the NUL rule, without a server. */
class BarcodePathTest {

    @Test
    void theWholeSegmentIsDecodedExactlyOnce() {
        assertThat(BarcodePath.of("/v1/tickets/390;garbage")).contains("390;garbage");
        assertThat(BarcodePath.of("/v1/tickets/a%2Fb%2Bc%3Dd%3Be")).contains("a/b+c=d;e");
        assertThat(BarcodePath.of("/v1/tickets/a+b")).contains("a+b");
        assertThat(BarcodePath.of("/v1/tickets/a%253B")).contains("a%3B");
        assertThat(BarcodePath.of("/v1/tickets/%C3%A9")).contains("é");
        assertThat(BarcodePath.of("/v1/tickets/")).isEmpty();
        assertThat(BarcodePath.of("/v1/other/x")).isEmpty();
    }

    @Test
    void nulAndBrokenEncodingsAreInvalidRequests() {
        for (String bad : List.of("a%00", "%zz", "a%4", "a%", "%FF", "%C3")) {
            assertThatThrownBy(() -> BarcodePath.of("/v1/tickets/" + bad)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).details().get(0).field()).isEqualTo("barcode"));
        }
    }

    record Inner(String text) {
    }

    record Outer(String name, Long id, Inner inner, List<String> list, Map<String, String> map) {
    }

    @Test
    void nulIsFoundInNestedRecordsListsAndMaps() {
        assertThat(TextRules.fieldWithNul(new Outer("a", 1L, new Inner("b"), List.of("c"), Map.of("d", "e"))))
                .isEmpty();
        assertThat(TextRules.fieldWithNul(new Outer("a\0", 1L, null, null, null))).contains("name");
        assertThat(TextRules.fieldWithNul(new Outer("a", 1L, new Inner("\0"), null, null))).contains("inner.text");
        assertThat(TextRules.fieldWithNul(new Outer("a", 1L, null, List.of("x", "y\0"), null))).contains("list[1]");
        assertThat(TextRules.fieldWithNul(new Outer("a", 1L, null, null, Map.of("k", "\0")))).contains("map.k");
    }
}
