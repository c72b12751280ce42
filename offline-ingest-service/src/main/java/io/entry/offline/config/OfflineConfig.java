package io.entry.offline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of offline uploads and their replay (CONTRACT §6 limits are defaults, not meant to be raised). */
@ConfigMapping(prefix = "entry.offline")
public interface OfflineConfig {

    /** Bucket the decompressed uploads are stored in. */
    @WithDefault("entry-offline-scans")
    String bucket();

    /** Largest gzip body accepted (CONTRACT §6: 1 MiB). */
    @WithDefault("1048576")
    int maxCompressedBytes();

    /** Largest decompressed JSON accepted (CONTRACT §6: 8 MiB); inflation stops as soon as it is passed. */
    @WithDefault("8388608")
    int maxDecompressedBytes();

    /** Most scans in one upload (vendor document: 100). */
    @WithDefault("100")
    int maxScans();

    /** How long a claim on an upload (storing or replaying it) holds before another instance may take it over. */
    @WithDefault("120s")
    Duration claimLease();

    /** Kafka group id of the read-model consumers. */
    @WithDefault("offline-ingest-service")
    String consumerGroup();

    /** How often the replayer looks for unfinished uploads (a Quarkus scheduler period, e.g. 5s). */
    @WithDefault("5s")
    String replayEvery();

    /** How long an upload whose replay failed (Kafka away, object missing) waits before the next attempt. */
    @WithDefault("30s")
    Duration retryDelay();

    /** Uploads claimed per replayer run. */
    @WithDefault("10")
    int replayBatch();

    /**
     * How long a concurrent identical upload waits for the first one to be STORED before answering 503: the first
     * normally stores within a second, so devices need no retry loop for the common case.
     */
    @WithDefault("5s")
    Duration duplicateWait();

    /** First pause between looks at the first upload's row while waiting (doubles up to duplicatePollMax). */
    @WithDefault("25ms")
    Duration duplicatePollMin();

    @WithDefault("400ms")
    Duration duplicatePollMax();
}
