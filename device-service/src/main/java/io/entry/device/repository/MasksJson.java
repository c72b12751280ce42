package io.entry.device.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import java.util.List;

/** Barcode masks are stored as a JSON array of strings in one column. */
public final class MasksJson {

    private static final ObjectMapper JSON = EntryJson.newMapper();

    private MasksJson() {
    }

    public static String write(List<String> masks) {
        try {
            return JSON.writeValueAsString(masks == null ? List.of() : masks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> read(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored barcode masks are not a JSON array", e);
        }
    }
}
