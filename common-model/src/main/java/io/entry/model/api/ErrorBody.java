package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error body of every route (CONTRACT §2):
 * {@code {"error": {"code", "message", "requestId", "details": [{"field", "message"}]}}}.
 */
public record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(ErrorCode code, String message, String requestId, List<FieldError> details) {
    }

    public record FieldError(String field, String message) {
    }

    public static ErrorBody of(ErrorCode code, String message, String requestId, List<FieldError> details) {
        return new ErrorBody(new Error(code, message, requestId, details == null ? List.of() : List.copyOf(details)));
    }

    public static ErrorBody of(ErrorCode code, String message, String requestId) {
        return of(code, message, requestId, List.of());
    }
}
