package io.entry.runtime.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PAC-Request-Id of CONTRACT §2: at most 64 characters of {@code [A-Za-z0-9._:-]}, made (UUID v4) when absent.
 */
public final class RequestIds {

    public static final String HEADER = "PAC-Request-Id";
    /** Where the request's id is kept on the Vert.x routing context and in the logging MDC. */
    public static final String CONTEXT_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id of the request being handled (set by {@link RequestIdRoutes}), or the header as sent. */
    public static String of(RoutingContext context) {
        if (context == null) {
            return null;
        }
        String id = context.get(CONTEXT_KEY);
        return id != null ? id : of(context.request());
    }

    public static String of(HttpServerRequest request) {
        String sent = request.getHeader(HEADER);
        return isValid(sent) ? sent : null;
    }
}
