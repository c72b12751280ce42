package io.entry.model.api;

import java.util.List;

/** Offline Scan Upload response (CONTRACT §6). */
public record OfflineUploadResponse(String message, String key, int accepted, List<Rejected> rejected, boolean duplicate) {

    /** An item that failed validation: listed here and not replayed. */
    public record Rejected(int index, String message) {
    }
}
