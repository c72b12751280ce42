package io.entry.offline.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ErrorCode;
import io.entry.model.api.OfflineUploadResponse;
import io.entry.model.api.OfflineUploadResponse.Rejected;
import io.entry.offline.config.OfflineConfig;
import io.entry.offline.model.CatalogEvent;
import io.entry.offline.model.DeviceAssignment;
import io.entry.offline.model.UploadEntity;
import io.entry.offline.repository.UploadObjectStore;
import io.entry.offline.service.UploadDecoder.DecodedUpload;
import io.entry.runtime.security.ApiKeyGuard;
import io.entry.runtime.web.ApiException;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Offline Scan Upload (CONTRACT §6). The order makes a stored file impossible to forget: the upload's row is
 * reserved (RECEIVED) before its object is put to S3, marked STORED after, and only then answered; replay follows
 * in the background and the scheduled replayer finishes whatever a crash or a Kafka outage left over.
 */
@ApplicationScoped
public class OfflineUploadService {

    private static final Logger LOG = Logger.getLogger(OfflineUploadService.class);
    static final String MESSAGE_PREFIX = "Entry Offline Scan - Upload to S3 bucket ";

    private final ApiKeyGuard keys;
    private final ReadModelProgress readModels;
    private final UploadLedger ledger;
    private final UploadObjectStore store;
    private final UploadReplay replay;
    private final UploadDecoders decoders;
    private final OfflineConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    OfflineUploadService(ApiKeyGuard keys, ReadModelProgress readModels, UploadLedger ledger, UploadObjectStore store,
            UploadReplay replay, UploadDecoders decoders, OfflineConfig config, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.readModels = readModels;
        this.ledger = ledger;
        this.store = store;
        this.replay = replay;
        this.decoders = decoders;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** What the request carried, unchecked. */
    public record UploadRequest(String eventId, String filename, String contentEncoding, String apiKey, byte[] body,
            String requestId) {
    }

    public Uni<OfflineUploadResponse> upload(UploadRequest request) {
        return readModels.allFilled()
                .invoke(ready -> {
                    if (!ready) {
                        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "catalog and keys are still loading");
                    }
                })
                .chain(() -> keys.require(request.apiKey(), null))
                .invoke(() -> checkNames(request))
                .chain(() -> ledger.event(request.eventId()))
                .chain(event -> {
                    if (event == null) {
                        throw ApiException.notFound("event " + request.eventId() + " is not in the catalog");
                    }
                    return keys.require(request.apiKey(), event.dataAccountId())
                            .chain(() -> ledger.device(event.dataAccountId(), UploadNames.serialNumber(request.filename())))
                            .chain(device -> {
                                if (device == null || device.revoked()) {
                                    throw ApiException.forbidden("serial number "
                                            + UploadNames.serialNumber(request.filename()) + " is not a device of account "
                                            + event.dataAccountId());
                                }
                                return decode(request.body())
                                        .chain(decoded -> screenAndStore(request, event, device, decoded));
                            });
                });
    }

    private void checkNames(UploadRequest request) {
        if (!UploadNames.validEventId(request.eventId())) {
            throw ApiException.invalidField("eventId", "must be dataAccountId:seasonCd:eventCd (letters, digits, _ and -)");
        }
        if (request.filename() == null || request.filename().isBlank()) {
            throw ApiException.invalidField("Filename", "header is required");
        }
        if (!UploadNames.validFilename(request.filename())) {
            throw ApiException.invalidField("Filename",
                    "must be 1-128 characters of letters, digits, '.', '_' and '-', starting with a letter or digit, without '..'");
        }
        if (request.contentEncoding() == null || !request.contentEncoding().trim().equalsIgnoreCase("gzip")) {
            throw ApiException.invalidField("Content-Encoding", "must be gzip");
        }
        if (request.body() == null || request.body().length == 0) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "body is not valid gzip");
        }
        if (request.body().length > config.maxCompressedBytes()) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "compressed body exceeds " + config.maxCompressedBytes() + " bytes");
        }
    }

    /** Inflating and parsing is CPU work of up to 8 MiB: done on a worker, continued on the request's context. */
    private Uni<DecodedUpload> decode(byte[] body) {
        Executor back = callerContext();
        return Uni.createFrom().item(() -> decoders.decoder().decode(body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(back);
    }

    private Uni<OfflineUploadResponse> screenAndStore(UploadRequest request, CatalogEvent event,
            DeviceAssignment device, DecodedUpload decoded) {
        Instant receivedAt = clock.instant();
        ZoneId zone = venueZone(event);
        LocalDate eventDay = event.eventStart() == null ? null : event.eventStart().toLocalDate();
        return ledger.venuePlaces(event.dataAccountId(), event.venueCode())
                .map(places -> UploadScreening.screen(decoded, places, receivedAt, eventDay, zone))
                .chain(screened -> store(request, event, device, screened, receivedAt));
    }

    /**
     * The unique identity (eventId, Filename) decides which of concurrent identical uploads is the first: only the
     * request whose INSERT wins stores the object and starts the replay. Every other one reads the winner's row and
     * answers it as a duplicate once it is STORED, waiting briefly for that if needed.
     */
    private Uni<OfflineUploadResponse> store(UploadRequest request, CatalogEvent event, DeviceAssignment device,
            DecodedUpload decoded, Instant receivedAt) {
        UploadEntity upload = newUpload(request, event, device, decoded, receivedAt);
        // one owner per request: two requests of this instance must never pass for each other's claim
        String owner = replay.instanceId() + "/" + UUID.randomUUID();
        return ledger.reserve(upload, owner, config.claimLease()).chain(reserved -> reserved != null
                ? putAndAnswer(reserved, decoded, owner)
                : awaitFirst(request, upload, decoded, owner));
    }

    /** Thrown while the first upload of an identity has not reached STORED yet; retried with backoff. */
    private static final class NotStoredYet extends RuntimeException {
        NotStoredYet() {
            super("upload not stored yet", null, false, false);
        }
    }

    private Uni<OfflineUploadResponse> awaitFirst(UploadRequest request, UploadEntity upload, DecodedUpload decoded,
            String owner) {
        Executor back = callerContext();
        // the backoff's timer fires off the request's context: every attempt resubscribes on it (Hibernate Reactive)
        return Uni.createFrom().deferred(() -> duplicateOrTakeOver(request, upload, decoded, owner))
                .runSubscriptionOn(back)
                .onFailure(NotStoredYet.class).retry()
                .withBackOff(config.duplicatePollMin(), config.duplicatePollMax())
                .expireIn(config.duplicateWait().toMillis())
                .onFailure(NotStoredYet.class).transform(notYet -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "upload is being processed, retry"))
                .emitOn(back);
    }

    private Uni<OfflineUploadResponse> duplicateOrTakeOver(UploadRequest request, UploadEntity upload,
            DecodedUpload decoded, String owner) {
        return ledger.find(request.eventId(), request.filename()).chain(existing -> {
            if (existing == null) {
                // the first attempt's object never reached S3 and its row was forgotten: start afresh
                return ledger.reserve(upload, owner, config.claimLease())
                        .chain(reserved -> {
                            if (reserved == null) {
                                throw new NotStoredYet();
                            }
                            return putAndAnswer(reserved, decoded, owner);
                        });
            }
            if (!existing.contentSha256.equals(decoded.sha256())) {
                throw ApiException.conflict("Filename " + request.filename() + " was already uploaded for event "
                        + request.eventId() + " with other content");
            }
            if (!UploadEntity.RECEIVED.equals(existing.state)) {
                return Uni.createFrom().item(answer(existing, true));
            }
            // RECEIVED: its holder is still storing it (wait), or died / gave up before S3 confirmed (take it over;
            // the conditional UPDATE lets exactly one waiting request do so)
            return ledger.reclaimReceived(existing.id, owner, config.claimLease()).chain(claimed -> {
                if (!claimed) {
                    throw new NotStoredYet();
                }
                return putAndAnswer(existing, decoded, owner);
            });
        });
    }

    private Uni<OfflineUploadResponse> putAndAnswer(UploadEntity upload, DecodedUpload decoded, String owner) {
        return store.put(upload.objectKey, decoded.json(), metadata(upload))
                .onFailure().call(failure -> {
                    LOG.errorf("storing %s in S3 failed: %s", upload.objectKey, failure.toString());
                    return ledger.release(upload.id, owner);
                })
                .onFailure().transform(failure -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "storage is unavailable, retry"))
                .chain(() -> ledger.markStored(upload.id, owner))
                .map(marked -> {
                    upload.state = UploadEntity.STORED;
                    if (marked) {
                        replayInBackground(upload, owner, UploadReplay.acceptedOf(upload, decoded));
                    } else {
                        // the claim lapsed meanwhile and the replayer took the upload over: it replays it
                        LOG.warnf("upload %s: claim lost before it was marked stored", upload.objectKey);
                    }
                    return answer(upload, false);
                });
    }

    /** The answer does not wait for Kafka: the file is safe in S3 and the replayer finishes what this does not. */
    private void replayInBackground(UploadEntity upload, String owner, List<UploadDecoder.IndexedScan> accepted) {
        Context current = Vertx.currentContext();
        Context fresh = current == null ? null : VertxContext.createNewDuplicatedContext(current);
        if (fresh != null) {
            // its own session, apart from the finished request's: Panache accepts only contexts flagged safe
            VertxContextSafetyToggle.setContextSafe(fresh, true);
        }
        Runnable run = () -> replay.replayClaimed(upload, owner, accepted).subscribe().with(
                acked -> LOG.debugf("upload %s: %d scans published", upload.objectKey, acked),
                failure -> LOG.warnf("upload %s: replay deferred to the replayer: %s", upload.objectKey, failure.toString()));
        if (fresh == null) {
            run.run();
        } else {
            fresh.runOnContext(ignored -> run.run());
        }
    }

    private UploadEntity newUpload(UploadRequest request, CatalogEvent event, DeviceAssignment device,
            DecodedUpload decoded, Instant receivedAt) {
        UploadEntity upload = new UploadEntity();
        upload.eventId = request.eventId();
        upload.filename = request.filename();
        upload.contentSha256 = decoded.sha256();
        upload.objectKey = UploadNames.objectKey(event.dataAccountId(), event.seasonCd(), event.eventCd(),
                LocalDate.ofInstant(receivedAt, venueZone(event)), request.filename());
        upload.dataAccountId = event.dataAccountId();
        upload.venueCode = event.venueCode();
        upload.serialNumber = UploadNames.serialNumber(request.filename());
        upload.requestId = request.requestId();
        upload.receivedAt = receivedAt;
        upload.itemCount = decoded.itemCount();
        upload.acceptedCount = decoded.accepted().size();
        upload.rejectedJson = toJson(decoded.rejected());
        upload.deviceId = device.deviceId();
        upload.deviceName = device.deviceName();
        upload.checkpointId = device.checkpointId();
        upload.checkpointName = device.checkpointName();
        upload.specialAreaId = device.specialAreaId();
        upload.specialAreaName = device.specialAreaName();
        return upload;
    }

    private static ZoneId venueZone(CatalogEvent event) {
        try {
            return event.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(event.timeZone());
        } catch (DateTimeException e) {
            LOG.warnf("venue %s of event %s has an unknown time zone %s, using UTC", event.venueCode(), event.eventId(),
                    event.timeZone());
            return ZoneOffset.UTC;
        }
    }

    private Map<String, String> metadata(UploadEntity upload) {
        return Map.of(
                "event-id", upload.eventId,
                "serial-number", upload.serialNumber,
                "request-id", upload.requestId,
                "received-at", upload.receivedAt.toString(),
                "item-count", String.valueOf(upload.itemCount),
                "accepted-count", String.valueOf(upload.acceptedCount),
                "rejected-count", String.valueOf(upload.itemCount - upload.acceptedCount),
                "content-sha256", upload.contentSha256);
    }

    private OfflineUploadResponse answer(UploadEntity upload, boolean duplicate) {
        return new OfflineUploadResponse(MESSAGE_PREFIX + store.bucket() + " successful at " + upload.objectKey,
                upload.objectKey, upload.acceptedCount, fromJson(upload.rejectedJson), duplicate);
    }

    private String toJson(List<Rejected> rejected) {
        try {
            return json.writeValueAsString(rejected);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private List<Rejected> fromJson(String rejected) {
        try {
            return json.readValue(rejected, new TypeReference<List<Rejected>>() {
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static Executor callerContext() {
        return UploadReplay.callerContext();
    }
}
