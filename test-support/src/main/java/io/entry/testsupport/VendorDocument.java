package io.entry.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request and response samples of the vendor document ({@code docs/vendor/entry-v1-api.txt}), read from the
 * document as it is, so tests use the samples exactly as the vendor shows them. The rendering collapsed some nested
 * objects to {@code {}} or {@code []} and put a bullet before each field; both are undone here and nothing else.
 */
public final class VendorDocument {

    /** The vendor's section titles, in the document's order. */
    public static final List<String> SECTIONS = List.of("Create Session", "Create Session (Lite)", "Get Events",
            "Get Venues", "Ping", "Validate Scan", "Ticket Lookup", "Offline Scan Upload");

    private static final ObjectMapper JSON = EntryJson.newMapper();
    private static final Map<String, Samples> SAMPLES = parse(load());

    /** The request and response sample of one section, as JSON text and as parsed trees. */
    public record Samples(String section, String requestText, String responseText) {

        public JsonNode request() {
            return tree(requestText);
        }

        public JsonNode response() {
            return tree(responseText);
        }
    }

    private VendorDocument() {
    }

    public static Samples section(String title) {
        Samples samples = SAMPLES.get(title);
        if (samples == null) {
            throw new IllegalArgumentException("no section " + title + " in the vendor document");
        }
        return samples;
    }

    public static Map<String, Samples> all() {
        return SAMPLES;
    }

    /** The whole document. */
    public static String text() {
        return load();
    }

    private static String load() {
        try (InputStream in = VendorDocument.class.getClassLoader().getResourceAsStream("vendor/entry-v1-api.txt")) {
            if (in == null) {
                throw new IllegalStateException("vendor/entry-v1-api.txt is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Samples> parse(String document) {
        List<String> lines = document.lines().toList();
        Map<String, Samples> result = new LinkedHashMap<>();
        int from = 0;
        for (String section : SECTIONS) {
            int start = indexOf(lines, section, from);
            int request = indexOf(lines, "Request samples", start);
            String requestText = jsonAfter(lines, request);
            int response = indexOf(lines, "Response samples", request);
            String responseText = jsonAfter(lines, response);
            result.put(section, new Samples(section, requestText, responseText));
            from = response;
        }
        return result;
    }

    private static int indexOf(List<String> lines, String exact, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(exact)) {
                return i;
            }
        }
        throw new IllegalStateException("'" + exact + "' not found in the vendor document after line " + from);
    }

    /** The JSON block that follows a "Request samples"/"Response samples" heading, with bullets removed. */
    private static String jsonAfter(List<String> lines, int heading) {
        int i = heading + 1;
        while (!(lines.get(i).trim().startsWith("{") || lines.get(i).trim().startsWith("["))) {
            i++;
        }
        List<String> block = new ArrayList<>();
        int depth = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("^(\\s*)•\\s*", "$1");
            block.add(line);
            for (char c : line.toCharArray()) {
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            }
            if (depth == 0) {
                break;
            }
        }
        return String.join("\n", block).replaceAll("\\{\\s*}", "{}").replaceAll("\\[\\s*]", "[]");
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("vendor sample is not JSON: " + text, e);
        }
    }
}
