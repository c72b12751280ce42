package io.entry.simulator;

import io.entry.model.EntryJson;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.ScanReconciliationRecord;
import io.entry.model.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the run caused on Kafka, from the run's start time on, without a consumer group (assign + seek), so
 * it never disturbs the services' groups: request ids on the scan topic and the reconciliation records of the
 * tokens the offline devices uploaded.
 */
public final class KafkaVerifier {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = EntryJson.newMapper();

    private final String bootstrap;
    private final long sinceMillis;

    public KafkaVerifier(String bootstrap, long sinceMillis) {
        this.bootstrap = bootstrap;
        this.sinceMillis = sinceMillis;
    }

    /** Request ids (header, else the value's requestId) and upload filenames of offline records on the scan topic. */
    public record ScanTopic(Set<String> requestIds, Map<String, Integer> offlineRecordsByFilename) {
    }

    public ScanTopic readScanEvents(Set<String> expectedRequestIds, Duration patience) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> byFilename = new HashMap<>();
        read(Topics.SCAN_EVENTS, patience, () -> seen.containsAll(expectedRequestIds), record -> {
            Header header = record.headers().lastHeader(RecordHeaders.REQUEST_ID);
            ScanEventRecord value = parse(record.value(), ScanEventRecord.class);
            if (header != null) {
                seen.add(new String(header.value(), StandardCharsets.UTF_8));
            }
            if (value != null && value.requestId() != null) {
                seen.add(value.requestId());
            }
            if (value != null && value.filename() != null) {
                byFilename.merge(value.filename(), 1, Integer::sum);
            }
        });
        return new ScanTopic(seen, byFilename);
    }

    /** Reconciliation records of the given tokens, waiting until {@code expected} arrived or patience ran out. */
    public List<ScanReconciliationRecord> readReconciliations(Set<String> tokens, int expected, Duration patience) {
        List<ScanReconciliationRecord> found = new ArrayList<>();
        read(Topics.SCAN_RECONCILIATIONS, patience, () -> found.size() >= expected, record -> {
            ScanReconciliationRecord value = parse(record.value(), ScanReconciliationRecord.class);
            if (value != null && tokens.contains(value.token())) {
                found.add(value);
            }
        });
        return found;
    }

    private void read(String topic, Duration patience, BooleanSupplier done,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "entry-device-simulator");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(p -> since.put(p, sinceMillis));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp offset = offsets.get(p);
                consumer.seek(p, offset == null ? ends.get(p) : offset.offset());
            }
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(record);
                }
                if (done.getAsBoolean()) {
                    return;
                }
            }
        }
    }

    private static <T> T parse(byte[] value, Class<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            return null;
        }
    }
}
