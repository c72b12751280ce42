package io.entry.scan.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.runtime.security.DeviceRevocations;
import io.entry.scan.service.TextRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Revocations of lost devices (CONTRACT §3): their tokens issued before the revocation are refused with 401. */
@ApplicationScoped
public class DeviceRevocationConsumer {

    private static final Logger LOG = Logger.getLogger(DeviceRevocationConsumer.class);

    private final DeviceRevocations revocations;
    private final ObjectMapper json;

    DeviceRevocationConsumer(DeviceRevocations revocations, ObjectMapper json) {
        this.revocations = revocations;
        this.json = json;
    }

    @Incoming("device-revocations")
    public Uni<Void> revocation(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        DeviceSessionRecord session;
        try {
            session = json.readValue(record.value(), DeviceSessionRecord.class);
        } catch (Exception unreadable) {
            LOG.warnf("skipping unreadable device-session record %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().voidItem();
        }
        if (TextRules.fieldWithNul(session).isPresent()) {
            // PostgreSQL text cannot store it; no device of ours has such a serial number
            LOG.warnf("skipping device-session record with NUL %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().voidItem();
        }
        return revocations.apply(session).replaceWithVoid();
    }
}
