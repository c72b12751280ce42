package io.entry.runtime.web;

import io.entry.model.api.ErrorBody;
import io.entry.model.api.ErrorCode;
import java.util.List;

/** A refusal with the contract's error code, message and field details; rendered as the error body. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<ErrorBody.FieldError> details;

    public ApiException(ErrorCode code, String message, List<ErrorBody.FieldError> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, field + " " + message,
                List.of(new ErrorBody.FieldError(field, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public ErrorCode code() {
        return code;
    }

    public List<ErrorBody.FieldError> details() {
        return details;
    }
}
