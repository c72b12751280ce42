package io.entry.auth.messaging;

import io.entry.auth.repository.OutboxRepository;
import io.entry.auth.repository.OutboxRepository.Pending;
import io.entry.model.events.RecordHeaders;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox: claims unsent rows (FOR UPDATE SKIP LOCKED, so replicas never publish the same row at once),
 * sends them in order and marks them sent in the same transaction only after Kafka acknowledged each. When Kafka is
 * down the transaction rolls back and the rows wait for the next run: at-least-once, consumers drop duplicates by
 * recordId.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 100;

    private final Pool pool;
    private final OutboxRepository outbox;
    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    OutboxRelay(Pool pool, OutboxRepository outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    // delayed: the first run must not create this bean before Reactive Messaging has wired the emitter
    @Scheduled(every = "${entry.outbox.relay-interval:1s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().onFailure().recoverWithItem(failure -> {
            LOG.warnf("outbox relay: %s; the records stay in the outbox", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** One batch; completes with the number of records published. */
    public Uni<Integer> relay() {
        return pool.withTransaction(tx -> outbox.claim(tx, BATCH).flatMap(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(pending)
                    .onItem().transformToUniAndConcatenate(row -> send(row).replaceWith(row.id()))
                    .collect().asList()
                    .flatMap(ids -> outbox.markSent(tx, ids).replaceWith(ids.size()));
        }));
    }

    private Uni<Void> send(Pending row) {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add(RecordHeaders.SCHEMA_VERSION, Integer.toString(row.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        if (row.requestId() != null) {
            headers.add(RecordHeaders.REQUEST_ID, row.requestId().getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic()).withKey(row.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata))
                .ifNoItem().after(Duration.ofSeconds(15)).fail();
    }

    /** For tests and operators: records not yet published. */
    public Uni<Long> backlog() {
        return outbox.unsentCount(pool);
    }

}
