package io.entry.offline.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.ScanEventRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes replayed scans on {@code entry.scan-events.v1}, keyed {@code dataAccountId:token}, with the record headers. */
@ApplicationScoped
public class ScanEventPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    ScanEventPublisher(@Channel("scan-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
        // Entry's record mapper: scanDateTime keeps the offset it was scanned with
        this.json = EntryJson.newMapper();
    }

    /** Completes when Kafka has acknowledged the record; fails when it could not be delivered. */
    public Uni<Void> publish(ScanEventRecord record) {
        String value;
        try {
            value = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(RecordHeaders.EVENT_TYPE, ScanEventRecord.EVENT_TYPE.getBytes(StandardCharsets.UTF_8))
                .add(RecordHeaders.SCHEMA_VERSION,
                        String.valueOf(ScanEventRecord.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        if (record.requestId() != null) {
            headers.add(RecordHeaders.REQUEST_ID, record.requestId().getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    /** Publishes in order of the list; answers how many leading records Kafka acknowledged. */
    public Uni<Integer> publishAll(List<ScanEventRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Boolean>> sends = records.stream()
                .map(record -> publish(record).replaceWith(true).onFailure().recoverWithItem(false))
                .toList();
        return Uni.join().all(sends).andFailFast().map(acks -> {
            int prefix = 0;
            while (prefix < acks.size() && acks.get(prefix)) {
                prefix++;
            }
            return prefix;
        });
    }
}
