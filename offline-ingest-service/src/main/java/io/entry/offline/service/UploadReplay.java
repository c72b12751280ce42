package io.entry.offline.service;

import io.entry.model.events.ScanEventRecord;
import io.entry.offline.config.OfflineConfig;
import io.entry.offline.messaging.ScanEventPublisher;
import io.entry.offline.model.UploadEntity;
import io.entry.offline.repository.UploadObjectStore;
import io.entry.offline.service.UploadDecoder.IndexedScan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Replays the accepted scans of stored uploads on {@code entry.scan-events.v1}. Progress ({@code replayed_count})
 * is written only after Kafka acknowledged the scans, so a crash or a Kafka outage at any point leaves the upload
 * to be finished by a later run; a scan published twice carries the same recordId and consumers drop it.
 */
@ApplicationScoped
public class UploadReplay {

    private static final Logger LOG = Logger.getLogger(UploadReplay.class);
    private static final ObjectMapper VERDICTS = new ObjectMapper();

    /** Who holds claims taken by this process. */
    private final String instanceId = "offline-ingest-" + UUID.randomUUID();
    private final UploadLedger ledger;
    private final UploadObjectStore store;
    private final ScanEventPublisher publisher;
    private final UploadDecoders decoders;
    private final OfflineConfig config;

    UploadReplay(UploadLedger ledger, UploadObjectStore store, ScanEventPublisher publisher, UploadDecoders decoders,
            OfflineConfig config) {
        this.ledger = ledger;
        this.store = store;
        this.publisher = publisher;
        this.decoders = decoders;
        this.config = config;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Publishes the scans of an upload this instance holds the claim on, from its recorded progress on. */
    public Uni<Integer> replayClaimed(UploadEntity upload, String owner, List<IndexedScan> accepted) {
        Executor back = callerContext();
        List<ScanEventRecord> remaining = accepted.stream().skip(upload.replayedCount)
                .map(scan -> OfflineScanEvents.of(upload, scan)).toList();
        return publisher.publishAll(remaining)
                .emitOn(back)
                .chain(acked -> ledger.recordReplayed(upload.id, owner, upload.replayedCount + acked,
                        config.retryDelay())
                        .map(recorded -> {
                            if (acked < remaining.size()) {
                                LOG.warnf("upload %s: %d of %d scans acknowledged, the rest is retried later",
                                        upload.objectKey, acked, remaining.size());
                            }
                            return acked;
                        }));
    }

    /**
     * One replayer round: claims unfinished uploads and finishes each one. A RECEIVED upload (its request died
     * before S3 confirmed) is stored if S3 has its object and forgotten if not: its client never got a 200.
     */
    public Uni<Integer> replayUnfinished() {
        return ledger.claimUnfinished(instanceId, config.claimLease(), config.replayBatch())
                .onItem().transformToMulti(uploads -> io.smallrye.mutiny.Multi.createFrom().iterable(uploads))
                .onItem().transformToUniAndConcatenate(upload -> finish(upload)
                        .onFailure().invoke(failure -> LOG.warnf("replay of %s failed, retried later: %s",
                                upload.objectKey, failure.toString()))
                        .onFailure().call(() -> ledger.postpone(upload.id, instanceId, config.retryDelay()))
                        .onFailure().recoverWithItem(0))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> finish(UploadEntity upload) {
        return store.get(upload.objectKey).chain(json -> {
            if (json == null) {
                if (UploadEntity.RECEIVED.equals(upload.state)) {
                    LOG.infof("upload %s never reached S3, forgetting its reservation", upload.objectKey);
                    return ledger.forgetUnstored(upload.id, instanceId).replaceWith(0);
                }
                LOG.errorf("stored upload %s is missing from bucket %s", upload.objectKey, store.bucket());
                return ledger.postpone(upload.id, instanceId, config.retryDelay()).replaceWith(0);
            }
            Uni<Boolean> stored = UploadEntity.RECEIVED.equals(upload.state)
                    ? ledger.markStored(upload.id, instanceId)
                    : Uni.createFrom().item(true);
            Executor back = callerContext();
            return stored.chain(() -> Uni.createFrom().item(() -> decoders.decoder().decodeJson(json))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back))
                    .chain(decoded -> replayClaimed(upload, instanceId, acceptedOf(upload, decoded)));
        });
    }

    /**
     * The scans of an upload to replay: what the decoder accepts minus what the upload's stored verdict rejected
     * (the catalog checks of the first receipt), so the replayer publishes exactly what the client was told.
     */
    static List<IndexedScan> acceptedOf(UploadEntity upload, UploadDecoder.DecodedUpload decoded) {
        Set<Integer> rejected = new HashSet<>();
        try {
            for (JsonNode item : VERDICTS.readTree(upload.rejectedJson)) {
                rejected.add(item.path("index").asInt(-1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("upload " + upload.objectKey + " has an unreadable verdict", e);
        }
        return decoded.accepted().stream().filter(scan -> !rejected.contains(scan.index())).toList();
    }

    static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
