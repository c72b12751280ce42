package io.entry.offline.messaging;

import io.entry.offline.service.UploadReplay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Finds uploads stored but not fully replayed (a crash between S3 and Kafka, Kafka down when they came) and
 * publishes their missing scans. Claims are taken in SQL with FOR UPDATE SKIP LOCKED, so instances share the work.
 */
@ApplicationScoped
public class OfflineFileReplayer {

    private static final Logger LOG = Logger.getLogger(OfflineFileReplayer.class);

    private final UploadReplay replay;

    OfflineFileReplayer(UploadReplay replay) {
        this.replay = replay;
    }

    @Scheduled(every = "${entry.offline.replay-every:5s}", delayed = "${entry.offline.replay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> replayUnfinished() {
        return replay.replayUnfinished()
                .invoke(published -> {
                    if (published > 0) {
                        LOG.infof("replayer published %d offline scans", published);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("replayer round failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
