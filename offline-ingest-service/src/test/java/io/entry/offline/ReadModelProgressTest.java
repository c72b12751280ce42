package io.entry.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.events.Topics;
import io.entry.offline.service.ReadModelProgress;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When a read model counts as filled: its topic's end offsets at assignment reached, an empty topic at once. */
class ReadModelProgressTest {

    private final ReadModelProgress progress = newProgress();

    @Test
    void readModelIsFilledOnlyWhenEveryPartitionReachedItsEndOffset() {
        TopicPartition p0 = new TopicPartition(Topics.CATALOG_EVENTS, 0);
        TopicPartition p1 = new TopicPartition(Topics.CATALOG_EVENTS, 1);
        progress.assigned(Map.of(p0, 10L, p1, 5L), Map.of(p0, 0L, p1, 5L));
        assertThat(progress.takePendingMarks()).isEmpty();

        progress.applied(Topics.CATALOG_EVENTS, 0, 8);
        assertThat(progress.takePendingMarks()).isEmpty();

        progress.applied(Topics.CATALOG_EVENTS, 0, 9);
        assertThat(progress.takePendingMarks()).containsExactly(Topics.CATALOG_EVENTS);
    }

    @Test
    void emptyOrAlreadyConsumedTopicIsFilledAtAssignment() {
        progress.assigned(Map.of(new TopicPartition(Topics.DEVICE_SESSIONS, 0), 0L,
                new TopicPartition(Topics.API_CLIENTS, 0), 7L),
                Map.of(new TopicPartition(Topics.DEVICE_SESSIONS, 0), 0L, new TopicPartition(Topics.API_CLIENTS, 0), 7L));
        assertThat(progress.takePendingMarks()).containsExactlyInAnyOrder(Topics.DEVICE_SESSIONS, Topics.API_CLIENTS);
    }

    private static ReadModelProgress newProgress() {
        try {
            var constructor = ReadModelProgress.class.getDeclaredConstructor(io.vertx.mutiny.sqlclient.Pool.class);
            constructor.setAccessible(true);
            return constructor.newInstance((Object) null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
