package io.entry.device.messaging;

import io.entry.device.config.DeviceServiceConfig;
import io.entry.device.repository.OutboxRepository;
import io.entry.model.events.RecordHeaders;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka and marks a record sent only after the broker acknowledged it. Runs on a worker
 * thread (a scheduled blocking method), so waiting for Kafka never holds the event loop; while Kafka is down the
 * records simply stay in the outbox and the next round tries again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxRepository outbox;
    private final DeviceServiceConfig config;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    OutboxRelay(OutboxRepository outbox, DeviceServiceConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String kafkaBootstrapServers) {
        this.outbox = outbox;
        this.config = config;
        this.bootstrapServers = config.outbox().bootstrapServers().orElse(kafkaBootstrapServers);
    }

    @Scheduled(every = "${entry.outbox.relay-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayScheduled() {
        try {
            while (relayOnce() == config.outbox().batchSize()) {
                // a full batch: more are waiting, go on without waiting for the next tick
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed, retrying next round: %s", e.getMessage());
        }
    }

    /** One round: claims a batch, sends it, marks the acknowledged records. Returns how many were claimed. */
    int relayOnce() {
        List<OutboxRepository.Claimed> batch = outbox.claim(config.outbox().batchSize(), config.outbox().claimLease())
                .await().atMost(DB_TIMEOUT);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxRepository.Claimed claimed : batch) {
            Future<RecordMetadata> send = send(claimed.entry());
            sends.add(send);
            if (failedAlready(send)) {
                // the broker is unreachable (no metadata within max.block.ms): don't wait that long per record
                break;
            }
        }
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                if (i >= sends.size()) {
                    throw new IllegalStateException("not sent this round");
                }
                sends.get(i).get(40, TimeUnit.SECONDS);
                sent.add(batch.get(i).id());
            } catch (Exception e) {
                failed.add(batch.get(i).id());
            }
        }
        outbox.markSent(sent).await().atMost(DB_TIMEOUT);
        outbox.release(failed).await().atMost(DB_TIMEOUT);
        if (!failed.isEmpty()) {
            LOG.warnf("outbox relay: %d of %d records not acknowledged by Kafka, kept for retry", failed.size(),
                    batch.size());
        }
        return batch.size();
    }

    private static boolean failedAlready(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private Future<RecordMetadata> send(OutboxEntry entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.topic(), entry.key(), entry.payload());
        record.headers().add(RecordHeaders.EVENT_TYPE, bytes(entry.eventType()));
        record.headers().add(RecordHeaders.SCHEMA_VERSION, bytes(Integer.toString(entry.schemaVersion())));
        if (entry.requestId() != null) {
            record.headers().add(RecordHeaders.REQUEST_ID, bytes(entry.requestId()));
        }
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "device-service-outbox");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    // bounded waits: a down broker fails this round quickly, the outbox keeps the records
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
