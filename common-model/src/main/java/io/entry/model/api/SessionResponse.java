package io.entry.model.api;

/** Create Session and Create Session (Lite) response: the bearer token. */
public record SessionResponse(String jwt) {
}
