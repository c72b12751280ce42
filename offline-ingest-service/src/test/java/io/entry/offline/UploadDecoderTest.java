package io.entry.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entry.model.EntryJson;
import io.entry.model.api.ErrorCode;
import io.entry.offline.service.UploadDecoder;
import io.entry.offline.service.UploadNames;
import io.entry.runtime.web.ApiException;
import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The pure rules of an upload: bounded inflation and names that are safe in an S3 key. */
class UploadDecoderTest {

    private static final int LIMIT = 8 << 20;

    private final UploadDecoder decoder = new UploadDecoder(EntryJson.newMapper(),
            Validation.byDefaultProvider().configure().messageInterpolator(
                    new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator(), LIMIT, 100);

    @Test
    void inflationStopsAtTheCeilingWithoutReadingTheRestOfTheBomb() throws Exception {
        byte[] bomb = gzipZeros(200L << 20); // 200 MiB of zeros, ~200 KB compressed
        CountingStream counted = new CountingStream(new ByteArrayInputStream(bomb));
        assertThatThrownBy(() -> decoder.inflate(counted))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        // 8 MiB of output needs about 1/25 of this input; reading it all would mean inflating it all
        assertThat(counted.read).isLessThan(bomb.length / 4);
    }

    @Test
    void exactlyTheCeilingIsAccepted() throws Exception {
        assertThat(decoder.inflate(new ByteArrayInputStream(gzipZeros(LIMIT)))).hasSize(LIMIT);
    }

    @Test
    void notGzipIsInvalid() {
        assertThatThrownBy(() -> decoder.inflate(new ByteArrayInputStream("[]".getBytes())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void truncatedGzipIsInvalid() throws Exception {
        byte[] whole = gzipZeros(100_000);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> decoder.inflate(new ByteArrayInputStream(cut)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void bytesAfterTheLastGzipMemberAreInvalid() throws Exception {
        byte[] member = gzip("[]".getBytes());
        for (byte[] tail : new byte[][] {"junk".getBytes(), new byte[1], {0x1f}, {0x1f, (byte) 0x8b}}) {
            byte[] body = concat(member, tail);
            assertThatThrownBy(() -> decoder.inflate(new ByteArrayInputStream(body)))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void concatenatedMembersAreOneStreamButMustStillBeOneArray() throws Exception {
        byte[] body = concat(gzip("[{\"a\":".getBytes()), gzip("1}]".getBytes()));
        assertThat(decoder.inflate(new ByteArrayInputStream(body))).isEqualTo("[{\"a\":1}]".getBytes());
        assertThat(decoder.decode(body).itemCount()).isEqualTo(1);
        byte[] twoArrays = concat(gzip("[]".getBytes()), gzip("[]".getBytes()));
        assertThatThrownBy(() -> decoder.decode(twoArrays))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void corruptChecksumIsInvalid() throws Exception {
        byte[] body = gzip("[1,2,3]".getBytes());
        body[body.length - 8] ^= 1; // CRC-32 of the trailer
        assertThatThrownBy(() -> decoder.inflate(new ByteArrayInputStream(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void itemsWithNulAnywhereAreRejectedAndNoMessageCarriesNul() {
        var decoded = decoder.decodeJson(("[{\"token\":\"1\\u0000\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\","
                + "\"scanDateTime\":\"2026-02-13T11:00:00-06:00\",\"status\":\"Admit\"},"
                + "{\"token\":\"2\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\",\"x\":[{\"y\":\"\\u0000\"}],"
                + "\"scanDateTime\":\"2026-02-13T11:00:00-06:00\",\"status\":\"Admit\"},"
                + "{\"token\":\"3\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\","
                + "\"scanDateTime\":\"2026-02-13T11:00:00-06:00\",\"status\":\"Admit\"}]").getBytes());
        assertThat(decoded.accepted()).extracting(UploadDecoder.IndexedScan::index).containsExactly(2);
        assertThat(decoded.rejected()).extracting(r -> r.index()).containsExactly(0, 1);
        assertThat(decoded.rejected().get(0).message()).startsWith("token ");
        assertThat(decoded.rejected().get(1).message()).startsWith("x[0].y ");
        assertThat(decoded.rejected()).allSatisfy(r -> assertThat(r.message()).doesNotContain("\u0000"));
    }

    @Test
    void itemsAreValidatedOneByOne() {
        var decoded = decoder.decodeJson(("[{\"token\":\"1\",\"inputType\":\"barcode\",\"scanMode\":\"entry\","
                + "\"scanDateTime\":\"2026-02-13T11:00:00-06:00\",\"status\":\"admit\",\"reasonCode\":\"OK\"},"
                + "{\"token\":\"2\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\",\"status\":\"Admit\"},"
                + "{\"token\":\"3\",\"inputType\":\"Barcode\",\"scanMode\":\"Entry\","
                + "\"scanDateTime\":\"2026-02-13T11:00:00-06:00\",\"status\":\"Admit\",\"reasonCode\":\"VOID\"}, 7]").getBytes());
        assertThat(decoded.itemCount()).isEqualTo(4);
        assertThat(decoded.accepted()).extracting(UploadDecoder.IndexedScan::index).containsExactly(0);
        assertThat(decoded.rejected()).extracting(r -> r.index()).containsExactly(1, 2, 3);
        assertThat(decoded.rejected().get(0).message()).startsWith("scanDateTime");
        assertThat(decoded.rejected().get(1).message()).contains("reasonCode");
    }

    @Test
    void namesThatCouldEscapeTheKeyAreRefused() {
        assertThat(UploadNames.validFilename("1205243_feb_13_timestamp_here_11_07_am")).isTrue();
        assertThat(UploadNames.validFilename("../1205243_x")).isFalse();
        assertThat(UploadNames.validFilename("1205243_..")).isFalse();
        assertThat(UploadNames.validFilename("a/b")).isFalse();
        assertThat(UploadNames.validFilename(".hidden")).isFalse();
        assertThat(UploadNames.validEventId("390:HUSKERS:LARGESCANTESTNFC")).isTrue();
        assertThat(UploadNames.validEventId("390:..:X")).isFalse();
        assertThat(UploadNames.validEventId("390:A.B:X")).isFalse();
        assertThat(UploadNames.serialNumber("1205243_feb_13")).isEqualTo("1205243");
        assertThat(UploadNames.recordId("e", "f", 1)).isEqualTo(UploadNames.recordId("e", "f", 1))
                .isNotEqualTo(UploadNames.recordId("e", "f", 2));
    }

    private static byte[] gzipZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 16];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
        }
        return out.toByteArray();
    }

    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int n = super.read();
            if (n >= 0) {
                read++;
            }
            return n;
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
