package io.entry.scan.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ScanSource;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.Topics;
import io.entry.scan.service.ReconciliationService;
import io.entry.scan.service.TextRules;
import io.entry.scan.service.UnprocessableScanException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Offline scans of {@code entry.scan-events.v1} (our own Online records are skipped) go to reconciliation. A record
 * that cannot be read, holds NUL, names a special area or checkpoint its venue's catalog lacks (at once, no
 * retries), or still fails after retries, goes to {@code entry.scan-events.v1.dlq} with its key and
 * headers, so it never blocks the records behind it.
 */
@ApplicationScoped
public class OfflineScanConsumer {

    private static final Logger LOG = Logger.getLogger(OfflineScanConsumer.class);

    private final ReconciliationService reconciliation;
    private final Producer<String, String> producer;
    private final ObjectMapper json;

    OfflineScanConsumer(ReconciliationService reconciliation, Producer<String, String> producer, ObjectMapper json) {
        this.reconciliation = reconciliation;
        this.producer = producer;
        this.json = json;
    }

    @Incoming("offline-scans")
    public Uni<Void> scan(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        ScanEventRecord scan;
        try {
            scan = json.readValue(record.value(), ScanEventRecord.class);
        } catch (Exception unreadable) {
            return deadLetter(record, "unreadable: " + unreadable.getClass().getSimpleName());
        }
        if (scan.source() != ScanSource.OFFLINE) {
            return Uni.createFrom().voidItem();
        }
        if (scan.recordId() == null || scan.dataAccountId() == null || scan.token() == null
                || scan.scanMode() == null || scan.status() == null
                || (scan.scanDateTime() == null && scan.receivedAt() == null)) {
            return deadLetter(record, "offline scan without recordId, dataAccountId, token, scanMode, status or time");
        }
        // PostgreSQL text cannot hold NUL: such a record would fail every retry
        var nulField = TextRules.fieldWithNul(scan);
        if (nulField.isPresent()) {
            return deadLetter(record, nulField.get() + " contains the NUL character");
        }
        return reconciliation.reconcile(scan)
                .onFailure(failure -> !(failure instanceof UnprocessableScanException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> deadLetter(record, String.valueOf(failure.getMessage())));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("offline scan %s-%d@%d to the DLQ: %s", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.SCAN_EVENTS_DLQ, null, record.key(),
                record.value(), record.headers());
        dead.headers().add("dlq-reason", reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the send may wait for metadata: keep it off the event loop
        return Uni.createFrom().completionStage(() -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return producer.send(dead).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Infrastructure.getDefaultWorkerPool())).replaceWithVoid();
    }
}
