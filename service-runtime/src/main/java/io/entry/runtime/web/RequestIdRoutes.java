package io.entry.runtime.web;

import io.entry.model.api.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Vert.x-level conventions of CONTRACT §2 that must hold for every response, including the ones no resource
 * produces: the PAC-Request-Id (checked, made when absent, echoed, put on every log line), the error body for
 * unknown paths and for failures of the HTTP layer itself (a body over the size limit).
 */
@ApplicationScoped
public class RequestIdRoutes {

    private static final Logger LOG = Logger.getLogger(RequestIdRoutes.class);
    /** One line per request, with the request id in the MDC like every other line of the request. */
    private static final Logger ACCESS = Logger.getLogger("io.entry.access");

    private final long maxBodyBytes;

    RequestIdRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::assignRequestId);
        // Before the HTTP layer's own size check, which would answer a bare 413 without the contract's body.
        router.route().order(Integer.MIN_VALUE + 11).handler(this::refuseDeclaredOversizeBody);
        router.route().order(Integer.MIN_VALUE + 10).failureHandler(this::renderFailure);
        router.route().last().handler(context -> ErrorResponses.write(context.response(), ErrorCode.NOT_FOUND,
                "no route " + context.request().method() + " " + context.request().path(), RequestIds.of(context)));
    }

    private void assignRequestId(RoutingContext context) {
        String sent = context.request().getHeader(RequestIds.HEADER);
        String id;
        if (sent == null || sent.isEmpty()) {
            id = RequestIds.newId();
        } else if (RequestIds.isValid(sent)) {
            id = sent;
        } else {
            id = RequestIds.newId();
            context.put(RequestIds.CONTEXT_KEY, id);
            context.response().putHeader(RequestIds.HEADER, id);
            ErrorResponses.write(context.response(), ErrorCode.INVALID_REQUEST,
                    "PAC-Request-Id must be at most 64 characters of A-Z a-z 0-9 . _ : -", id);
            return;
        }
        context.put(RequestIds.CONTEXT_KEY, id);
        MDC.put(RequestIds.CONTEXT_KEY, id);
        context.response().putHeader(RequestIds.HEADER, id);
        long started = System.nanoTime();
        context.addEndHandler(done -> {
            MDC.put(RequestIds.CONTEXT_KEY, id);
            ACCESS.infof("%s %s %d %d ms", context.request().method(), context.request().path(),
                    context.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000);
            MDC.remove(RequestIds.CONTEXT_KEY);
        });
        context.next();
    }

    private void refuseDeclaredOversizeBody(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && declaredLength(declared) > maxBodyBytes) {
            context.response().putHeader("Connection", "close");
            ErrorResponses.write(context.response(), ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body is larger than " + maxBodyBytes + " bytes", RequestIds.of(context));
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private void renderFailure(RoutingContext context) {
        int status = context.statusCode();
        String id = RequestIds.of(context);
        if (status == 413) {
            ErrorResponses.write(context.response(), ErrorCode.PAYLOAD_TOO_LARGE, "request body is too large", id);
        } else if (status == 401) {
            ErrorResponses.write(context.response(), ErrorCode.UNAUTHORIZED, "a valid credential is required", id);
        } else if (status >= 400 && status < 500) {
            ErrorResponses.write(context.response(), ErrorCode.forStatus(status), "request refused", id);
        } else {
            LOG.errorf(context.failure(), "request %s failed", id);
            ErrorResponses.write(context.response(), ErrorCode.INTERNAL, "internal error", id);
        }
    }
}
