package io.entry.model.api;

/** A venue as Get Venues and Get Events show it (CONTRACT §4). */
public record Venue(String venueCode, String venueName, String timeZone, String dataAccountId) {
}
