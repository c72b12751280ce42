package io.entry.offline.rest;

import io.entry.model.api.ErrorCode;
import io.entry.offline.config.OfflineConfig;
import io.entry.runtime.web.ErrorResponses;
import io.entry.runtime.web.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose declared Content-Length is over the compressed limit before a byte of it is read, with
 * the contract's error body: the HTTP layer's own size check would answer a bare 413. Runs right after
 * service-runtime's request-id route. Bodies without a length are counted while read by the resource.
 */
@ApplicationScoped
public class UploadSizeGuard {

    private final long maxCompressedBytes;

    UploadSizeGuard(OfflineConfig config) {
        this.maxCompressedBytes = config.maxCompressedBytes();
    }

    void install(@Observes Router router) {
        router.route("/v1/offline-scans/*").order(Integer.MIN_VALUE + 20).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && isOver(declared)) {
            context.response().putHeader("Connection", "close");
            ErrorResponses.write(context.response(), ErrorCode.PAYLOAD_TOO_LARGE,
                    "compressed body exceeds " + maxCompressedBytes + " bytes", RequestIds.of(context));
            return;
        }
        context.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxCompressedBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
