package io.entry.runtime.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.entry.model.api.ErrorBody;
import io.entry.model.api.ErrorCode;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a resource becomes the contract's error body with its status (CONTRACT §2): never a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, RoutingContext context) {
        return ErrorResponses.of(e.code(), e.getMessage(), RequestIds.of(context), e.details());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, RoutingContext context) {
        return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "request body is not valid JSON", RequestIds.of(context),
                List.of());
    }

    @ServerExceptionMapper
    public Response wrongJsonValue(JsonMappingException e, RoutingContext context) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String problem = reason(e);
        if (field.isEmpty()) {
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "request body " + problem, RequestIds.of(context),
                    List.of());
        }
        return ErrorResponses.of(ErrorCode.INVALID_REQUEST, field + " " + problem, RequestIds.of(context),
                List.of(new ErrorBody.FieldError(field, problem)));
    }

    /**
     * Quarkus REST ships its own mapper for this subtype (an untyped JSON body without the error envelope); a mapper
     * of the same type here takes precedence, so wrongly typed fields (e.g. {@code "specialAreaId": "abc"}) get the
     * contract's body naming the field.
     */
    @ServerExceptionMapper
    public Response mismatchedJsonValue(com.fasterxml.jackson.databind.exc.MismatchedInputException e,
            RoutingContext context) {
        return wrongJsonValue(e, context);
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
            return "must not contain the NUL character";
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            return "has the wrong type: " + describe(invalid.getTargetType());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            return "has the wrong type: " + describe(mismatched.getTargetType());
        }
        return "is not valid";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "unexpected value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "expected a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "expected an array";
        }
        return "expected " + type.getSimpleName();
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, RoutingContext context) {
        return constraintViolations(e, context);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, RoutingContext context) {
        List<ErrorBody.FieldError> details = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        String message = details.stream().map(d -> d.field() + " " + d.message()).collect(Collectors.joining("; "));
        return ErrorResponses.of(ErrorCode.INVALID_REQUEST, message, RequestIds.of(context), details);
    }

    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            last = node.getName();
        }
        // method.parameter without a property below it: the body itself was missing
        return depth <= 2 ? "body" : last;
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, RoutingContext context) {
        return ErrorResponses.of(ErrorCode.UNAUTHORIZED, "a valid credential is required", RequestIds.of(context),
                List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext context) {
        return ErrorResponses.of(ErrorCode.FORBIDDEN, "this session may not call this route", RequestIds.of(context),
                List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, RoutingContext context) {
        return ErrorResponses.of(ErrorCode.METHOD_NOT_ALLOWED,
                context.request().method() + " is not allowed on " + context.request().path(), RequestIds.of(context),
                List.of());
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, RoutingContext context) {
        return ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json",
                RequestIds.of(context), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext context) {
        // Quarkus REST wraps Jackson's failures in a 400 WebApplicationException: unwrap them so the field is named
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return unreadableJson(parse, context);
            }
            if (cause instanceof JsonMappingException mapping) {
                return wrongJsonValue(mapping, context);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", RequestIds.of(context));
            return ErrorResponses.of(ErrorCode.INTERNAL, "internal error", RequestIds.of(context), List.of());
        }
        ErrorCode code = ErrorCode.forStatus(status);
        return ErrorResponses.of(code, code == ErrorCode.NOT_FOUND ? "not found" : e.getMessage(),
                RequestIds.of(context), List.of());
    }

    /**
     * PostgreSQL refused a value as data (SQLSTATE class 22: invalid text, out of range): the request carried a value
     * no check caught. Still the client's input, so 400, and logged so the missing check gets written.
     */
    @ServerExceptionMapper
    public Response refusedData(io.vertx.pgclient.PgException e, RoutingContext context) {
        if (e.getSqlState() != null && e.getSqlState().startsWith("22")) {
            LOG.warnf("request %s carried a value PostgreSQL refused: %s", RequestIds.of(context), e.getMessage());
            return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "a value of the request is not acceptable",
                    RequestIds.of(context), List.of());
        }
        return unexpected(e, context);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, RoutingContext context) {
        LOG.errorf(e, "request %s failed", RequestIds.of(context));
        return ErrorResponses.of(ErrorCode.INTERNAL, "internal error", RequestIds.of(context), List.of());
    }
}
