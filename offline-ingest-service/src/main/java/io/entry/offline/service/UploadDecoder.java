package io.entry.offline.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ErrorCode;
import io.entry.model.api.OfflineScan;
import io.entry.model.api.OfflineUploadResponse.Rejected;
import io.entry.runtime.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an upload body into its scans (CONTRACT §6): inflates the gzip with a hard ceiling checked on every chunk
 * (a gzip bomb is cut off at the limit, memory stays bounded by it), parses the JSON array and validates each item
 * on its own. Pure CPU work with no I/O: callers run it off the event loop.
 */
public final class UploadDecoder {

    /** Inflation chunk: the most the ceiling can be overshot by before the loop notices. */
    static final int CHUNK = 16 * 1024;

    private final ObjectMapper json;
    private final Validator validator;
    private final int maxDecompressedBytes;
    private final int maxScans;

    public UploadDecoder(ObjectMapper json, Validator validator, int maxDecompressedBytes, int maxScans) {
        this.json = json;
        this.validator = validator;
        this.maxDecompressedBytes = maxDecompressedBytes;
        this.maxScans = maxScans;
    }

    /** One accepted scan with its position in the uploaded array (the position is part of its recordId). */
    public record IndexedScan(int index, OfflineScan scan) {
    }

    /** The decompressed file, its content hash, and the verdict on each item. */
    public record DecodedUpload(byte[] json, String sha256, int itemCount, List<IndexedScan> accepted, List<Rejected> rejected) {
    }

    public DecodedUpload decode(byte[] gzipBody) {
        byte[] inflated = inflate(new ByteArrayInputStream(gzipBody));
        return decodeJson(inflated);
    }

    /** Parses already decompressed JSON (the replayer reads it back from S3). */
    public DecodedUpload decodeJson(byte[] inflated) {
        JsonNode root;
        try {
            // one JSON array and nothing after it: "[..][..]" (e.g. two gzip members of one array each) is refused
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(inflated);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "body is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "body must be a JSON array of offline scans");
        }
        if (root.size() > maxScans) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "an upload may carry at most " + maxScans + " scans, this one has " + root.size());
        }
        List<IndexedScan> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String problem = null;
            OfflineScan scan = null;
            JsonNode item = root.get(i);
            String withNul = item.isObject() ? fieldWithNul(item, "") : null;
            if (!item.isObject()) {
                problem = "must be a JSON object";
            } else if (withNul != null) {
                // PostgreSQL text cannot hold NUL: such an item could never be stored downstream
                problem = withNul + " must not contain the NUL character (\\u0000)";
            } else {
                try {
                    scan = json.treeToValue(item, OfflineScan.class);
                    problem = violations(scan);
                } catch (JsonMappingException e) {
                    problem = describe(e);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    problem = "is not a valid offline scan";
                }
            }
            if (problem == null) {
                accepted.add(new IndexedScan(i, scan));
            } else {
                rejected.add(new Rejected(i, withoutNul(problem)));
            }
        }
        return new DecodedUpload(inflated, sha256(inflated), root.size(), List.copyOf(accepted), List.copyOf(rejected));
    }

    /**
     * Inflates at most {@code maxDecompressedBytes}; one byte more is a 413 without reading the rest. Anything that
     * is not one or more complete gzip members (truncated, corrupt, junk after the last member) is a 400.
     */
    public byte[] inflate(InputStream gzip) {
        try {
            return GzipMembers.inflate(gzip, CHUNK, maxDecompressedBytes);
        } catch (GzipMembers.TooLarge e) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "decompressed body exceeds " + maxDecompressedBytes + " bytes");
        } catch (GzipMembers.MalformedGzip e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, GzipMembers.NOT_GZIP.equals(e.getMessage())
                    ? "body is not valid gzip" : "body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "body is not valid gzip");
        }
    }

    /** The path of the first field name or string value holding U+0000, null when there is none. */
    static String fieldWithNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? (path.isEmpty() ? "value" : path) : null;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String name = field.getKey();
                if (name.indexOf('\u0000') >= 0) {
                    return "a field name";
                }
                String found = fieldWithNul(field.getValue(), path.isEmpty() ? name : path + "." + name);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = fieldWithNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Messages may quote the input; they are stored in PostgreSQL text, which cannot hold NUL. */
    static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "\\u0000");
    }

    private String violations(OfflineScan scan) {
        var found = validator.validate(scan);
        if (!found.isEmpty()) {
            return found.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<OfflineScan> v) -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
        }
        if (scan.reasonCode() != null && scan.reasonCode().status() != scan.status()) {
            return "reasonCode " + scan.reasonCode() + " does not go with status " + scan.status().wire();
        }
        return null;
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause();
        String problem = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage()
                : "is not valid";
        if (cause instanceof java.time.format.DateTimeParseException) {
            problem = "must be an ISO-8601 date-time with offset";
        }
        return field.isEmpty() ? problem : field + " " + problem;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
