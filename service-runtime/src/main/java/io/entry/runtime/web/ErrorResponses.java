package io.entry.runtime.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ErrorBody;
import io.entry.model.api.ErrorCode;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the contract's error body (CONTRACT §2) for JAX-RS and for plain Vert.x routes. */
public final class ErrorResponses {

    private static final ObjectMapper JSON = io.entry.model.EntryJson.newMapper();
    /** Seconds a client should wait before retrying a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private ErrorResponses() {
    }

    public static Response of(ErrorCode code, String message, String requestId, List<ErrorBody.FieldError> details) {
        Response.ResponseBuilder builder = Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(code, message, requestId, details));
        if (code == ErrorCode.SERVICE_UNAVAILABLE) {
            builder.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    /** Ends a Vert.x response with the error body; used where JAX-RS is not involved (404 of unknown paths, 413). */
    public static void write(HttpServerResponse response, ErrorCode code, String message, String requestId) {
        if (response.ended()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(ErrorBody.of(code, message, requestId));
        } catch (JsonProcessingException impossible) {
            body = "{\"error\":{\"code\":\"" + code + "\"}}";
        }
        response.setStatusCode(code.httpStatus()).putHeader("Content-Type", "application/json");
        if (code == ErrorCode.SERVICE_UNAVAILABLE) {
            response.putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        response.end(body);
    }
}
