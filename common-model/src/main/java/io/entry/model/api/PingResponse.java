package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Ping response: {@code {"error": null, "serverTimestamp": "…Z"}} on success (CONTRACT §4). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PingResponse(ErrorBody.Error error, String serverTimestamp) {
}
