package io.entry.offline.rest;

import io.entry.model.api.ErrorCode;
import io.entry.model.api.OfflineUploadResponse;
import io.entry.offline.config.OfflineConfig;
import io.entry.offline.service.OfflineUploadService;
import io.entry.offline.service.OfflineUploadService.UploadRequest;
import io.entry.runtime.web.ApiException;
import io.entry.runtime.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Offline Scan Upload. The method declares no entity on purpose: RESTEasy would pick a body reader by Content-Type
 * (Jackson for JSON, none for curl's form type). The raw bytes are read here from the Vert.x request, with the
 * compressed-size ceiling checked on every chunk, and never inflated by the HTTP layer
 * ({@code quarkus.http.enable-decompression} stays false): the service inflates them itself, with a ceiling.
 */
@Path("/v1/offline-scans")
public class OfflineScanResource {

    private final OfflineUploadService uploads;
    private final int maxCompressedBytes;

    OfflineScanResource(OfflineUploadService uploads, OfflineConfig config) {
        this.uploads = uploads;
        this.maxCompressedBytes = config.maxCompressedBytes();
    }

    @POST
    @Path("/{eventId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offline Scan Upload: raw gzip of a JSON array of at most 100 offline scans")
    public Uni<OfflineUploadResponse> upload(@PathParam("eventId") String eventId,
            @HeaderParam("API-Authorization-Key") String apiKey,
            @HeaderParam("Filename") String filename,
            @HeaderParam("Content-Encoding") String contentEncoding,
            RoutingContext context) {
        return rawBody(context.request()).chain(body -> uploads.upload(
                new UploadRequest(eventId, filename, contentEncoding, apiKey, body, RequestIds.of(context))));
    }

    /** The body as sent, at most the ceiling plus one byte (enough to tell "too large" apart). */
    private Uni<byte[]> rawBody(HttpServerRequest request) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer received = Buffer.buffer();
            boolean[] refused = { false };
            request.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (received.length() + chunk.length() > maxCompressedBytes) {
                    refused[0] = true;
                    emitter.fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                            "compressed body exceeds " + maxCompressedBytes + " bytes"));
                    return;
                }
                received.appendBuffer(chunk);
            });
            request.exceptionHandler(failure -> {
                if (!refused[0]) {
                    refused[0] = true;
                    emitter.fail(failure);
                }
            });
            request.endHandler(done -> {
                if (!refused[0]) {
                    emitter.complete(received.getBytes());
                }
            });
            request.resume();
        });
    }
}
