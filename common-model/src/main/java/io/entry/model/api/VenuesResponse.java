package io.entry.model.api;

import java.util.List;

/** Get Venues response (CONTRACT §4). */
public record VenuesResponse(List<Venue> venues) {
}
