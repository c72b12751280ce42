package io.entry.offline.service;

import io.entry.model.events.Topics;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether each read model has caught up with its topic at least once (CONTRACT §2 readiness). "Caught up" means the
 * consumer reached the end offsets its topic had when partitions were first assigned, so an empty topic counts as
 * filled at once. The fact is persisted: a restart during a Kafka outage is ready with what is in the database.
 */
@ApplicationScoped
public class ReadModelProgress {

    /** The topics whose read models the upload route needs. */
    public static final List<String> READ_MODELS = List.of(Topics.API_CLIENTS, Topics.CATALOG_EVENTS,
            Topics.CATALOG_VENUES, Topics.CATALOG_LAYOUTS, Topics.DEVICE_SESSIONS);

    /** The plain reactive pool: the readiness check runs outside any Hibernate session context. */
    private final Pool pool;
    private final Set<String> filled = ConcurrentHashMap.newKeySet();
    /** Partitions still short of the end offset they had at assignment: partition → offset to reach. */
    private final Map<TopicPartition, Long> catchUpTargets = new ConcurrentHashMap<>();
    private final Set<String> pendingMarks = ConcurrentHashMap.newKeySet();

    ReadModelProgress(Pool pool) {
        this.pool = pool;
    }

    /** True once every read model was filled; reads the persisted state until then. */
    public Uni<Boolean> allFilled() {
        if (filled.containsAll(READ_MODELS)) {
            return Uni.createFrom().item(true);
        }
        return pool.query("SELECT name FROM read_model_state").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString("name"))
                        .collect(Collectors.toSet()))
                .map(persisted -> {
            filled.addAll(persisted);
            return persisted.containsAll(READ_MODELS);
        });
    }

    /** Called on assignment (Kafka polling thread): remembers what each partition must reach. */
    public void assigned(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> positions) {
        Set<String> topics = new HashSet<>();
        endOffsets.forEach((partition, end) -> {
            topics.add(partition.topic());
            long position = positions.getOrDefault(partition, 0L);
            if (position < end) {
                catchUpTargets.put(partition, end);
            } else {
                catchUpTargets.remove(partition);
            }
        });
        topics.stream().filter(this::caughtUp).forEach(pendingMarks::add);
    }

    /** Called after a record was applied: marks the read model filled when its last target is reached. */
    public void applied(String topic, int partition, long offset) {
        TopicPartition key = new TopicPartition(topic, partition);
        Long target = catchUpTargets.get(key);
        if (target != null && offset + 1 >= target) {
            catchUpTargets.remove(key, target);
        }
        if (!filled.contains(topic) && caughtUp(topic)) {
            pendingMarks.add(topic);
        }
    }

    /** Read models that caught up but are not persisted as filled yet (the consumers persist them). */
    public Set<String> takePendingMarks() {
        Set<String> taken = new HashSet<>(pendingMarks);
        pendingMarks.removeAll(taken);
        return taken;
    }

    /** Persisting failed: try again on the next round. */
    public void retryMark(String topic) {
        pendingMarks.add(topic);
    }

    public void persisted(String topic) {
        filled.add(topic);
    }

    private boolean caughtUp(String topic) {
        return catchUpTargets.keySet().stream().noneMatch(partition -> partition.topic().equals(topic));
    }
}
