package io.entry.scan.messaging;

import io.entry.model.events.RecordHeaders;
import io.entry.scan.config.ScanConfig;
import io.entry.scan.repository.OutboxRepository;
import io.entry.scan.repository.OutboxRepository.OutboxRow;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them sent only after the broker acknowledged them. While Kafka is down
 * the rows stay unsent (their claim expires) and go out when it is back. A crash between the acknowledgement and
 * the mark publishes a row again with the same {@code recordId}, which consumers drop.
 * Runs on a worker thread: a send may block while the producer waits for metadata of an unreachable broker.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxRepository outbox;
    private final Producer<String, String> producer;
    private final ScanConfig config;
    private final AtomicBoolean suspended = new AtomicBoolean();
    private volatile long rounds;

    OutboxRelay(Pool pool, OutboxRepository outbox, Producer<String, String> producer, ScanConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.producer = producer;
        this.config = config;
    }

    @Scheduled(every = "${entry.scan.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayScheduled() {
        synchronized (this) {
            if (!suspended.get()) {
                relayAvailable();
            }
        }
    }

    private void relayAvailable() {
        try {
            while (relayOnce(producer) == config.relay().batchSize()) {
                // a full batch: more are probably waiting
            }
            if (++rounds % 1000 == 0) {
                pool.withConnection(outbox::purgeSent).await().atMost(Duration.ofSeconds(10));
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * One round with the given producer: claims unsent rows, publishes them, marks the acknowledged ones sent and
     * releases the others. Returns how many were claimed.
     */
    public int relayOnce(Producer<String, String> via) {
        List<OutboxRow> claimed = pool.withTransaction(c -> outbox.claim(c, config.relay().batchSize(),
                config.relay().claimTimeout())).await().atMost(Duration.ofSeconds(10));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<?>> acks = new ArrayList<>(claimed.size());
        for (OutboxRow row : claimed) {
            try {
                acks.add(via.send(toRecord(row)));
            } catch (RuntimeException sendFailed) {
                acks.add(java.util.concurrent.CompletableFuture.failedFuture(sendFailed));
            }
        }
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                sent.add(claimed.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(claimed.get(i).id());
            } catch (Exception notAcknowledged) {
                failed.add(claimed.get(i).id());
            }
        }
        pool.withTransaction(c -> (sent.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : outbox.markSent(c, sent))
                .chain(() -> failed.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : outbox.release(c, failed)))
                .await().atMost(Duration.ofSeconds(10));
        if (!failed.isEmpty()) {
            LOG.warnf("outbox relay: %d record(s) not acknowledged by Kafka, kept for the next round", failed.size());
        }
        return claimed.size();
    }

    /** Stops the scheduled rounds (operations, and tests that need the rows to stay put); {@link #resume} restarts. */
    public void suspend() {
        suspended.set(true);
        synchronized (this) {
            // waits for a round in progress to end
        }
    }

    public void resume() {
        suspended.set(false);
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(RecordHeaders.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.SCHEMA_VERSION,
                Integer.toString(row.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        if (row.requestId() != null) {
            record.headers().add(RecordHeaders.REQUEST_ID, row.requestId().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
