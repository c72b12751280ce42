package io.entry.model.api;

import java.util.List;

/** Get Events response (CONTRACT §4). */
public record EventsResponse(NfcKeys nfcKeys, List<Event> events) {
}
