package io.entry.device.messaging;

/** One record waiting in the outbox: where it goes, under which key and headers, and its JSON value. */
public record OutboxEntry(String topic, String key, String eventType, int schemaVersion, String requestId,
        String payload) {
}
