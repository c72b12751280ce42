package io.entry.offline.messaging;

import io.entry.offline.service.ReadModelProgress;
import io.entry.offline.service.ReadModelUpdater;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read models of the consumed topics. A failure to apply (the database away) retries the same record
 * with backoff rather than skipping it, so the read model never misses a change.
 */
@ApplicationScoped
public class ReadModelConsumers {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class);

    private final ReadModelUpdater updater;
    private final ReadModelProgress progress;

    ReadModelConsumers(ReadModelUpdater updater, ReadModelProgress progress) {
        this.updater = updater;
        this.progress = progress;
    }

    @Incoming("api-clients")
    public Uni<Void> apiClient(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("catalog-events")
    public Uni<Void> catalogEvent(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("catalog-venues")
    public Uni<Void> catalogVenue(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("catalog-layouts")
    public Uni<Void> catalogLayout(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("device-sessions")
    public Uni<Void> deviceSession(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record) {
        return updater.apply(record.topic(), record.key(), record.value())
                .onFailure().invoke(failure -> LOG.warnf("applying %s-%d@%d failed, retrying: %s", record.topic(),
                        record.partition(), record.offset(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .invoke(() -> progress.applied(record.topic(), record.partition(), record.offset()))
                .chain(this::persistFilled);
    }

    /** Persists read models that just caught up (assignment happens on Kafka's thread, which has no DB access). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> persistFilled() {
        return Multi.createFrom().iterable(progress.takePendingMarks())
                .onItem().transformToUniAndConcatenate(topic -> updater.markFilled(topic)
                        .invoke(() -> progress.persisted(topic))
                        .onFailure().invoke(failure -> progress.retryMark(topic))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    /** On assignment, notes each partition's end offset: the read model is filled once the consumer reaches it. */
    @ApplicationScoped
    @Identifier("read-model-catch-up")
    public static class CatchUpListener implements KafkaConsumerRebalanceListener {

        private final ReadModelProgress progress;

        CatchUpListener(ReadModelProgress progress) {
            this.progress = progress;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                positions.put(partition, consumer.position(partition, Duration.ofSeconds(10)));
            }
            progress.assigned(ends, positions);
        }
    }
}
