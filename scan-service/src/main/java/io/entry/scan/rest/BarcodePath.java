package io.entry.scan.rest;

import io.entry.runtime.web.ApiException;
import io.entry.scan.service.TextRules;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The barcode of Ticket Lookup taken from the raw request path (CONTRACT §1: the percent-decoded path segment).
 * JAX-RS path parameters are not used: they cut a {@code ;} off as a matrix parameter, so
 * {@code /v1/tickets/390…;garbage} would look up {@code 390…}. Here everything after the prefix is decoded exactly
 * once ({@code %2F %2B %3D %3B} become part of the token, {@code +} stays {@code +}); invalid percent-encoding,
 * bytes that are not UTF-8 and NUL (PostgreSQL text cannot hold it) are refused with 400.
 */
final class BarcodePath {

    static final String PREFIX = "/v1/tickets/";

    private BarcodePath() {
    }

    /** The decoded barcode of a raw path, or empty when the path is not under {@link #PREFIX}. */
    static Optional<String> of(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX) || rawPath.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String barcode = decode(rawPath.substring(PREFIX.length()));
        if (TextRules.containsNul(barcode)) {
            throw invalid("must not contain the NUL character");
        }
        return Optional.of(barcode);
    }

    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw invalid("has invalid percent-encoding");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid("is not percent-encoded UTF-8");
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.invalidField("barcode", message);
    }
}
