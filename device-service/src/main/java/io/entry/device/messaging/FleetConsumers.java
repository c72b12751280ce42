package io.entry.device.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.device.service.FleetService;
import io.entry.model.EntryJson;
import io.entry.model.events.ApiClientRecord;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.ScanEventRecord;
import io.entry.runtime.security.ApiClientProjection;
import io.entry.runtime.security.DeviceRevocations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumers of the topics device-service reads. Values arrive as text and are parsed here, so a foreign or
 * malformed record (other producers share these topics) is logged and skipped instead of stopping the channel.
 * Each apply is idempotent by recordId in the same transaction as its effect.
 */
@ApplicationScoped
public class FleetConsumers {

    private static final Logger LOG = Logger.getLogger(FleetConsumers.class);
    private static final ObjectMapper JSON = EntryJson.newMapper();

    private final FleetService fleet;
    private final DeviceRevocations revocations;
    private final ApiClientProjection apiClients;

    FleetConsumers(FleetService fleet, DeviceRevocations revocations, ApiClientProjection apiClients) {
        this.fleet = fleet;
        this.revocations = revocations;
        this.apiClients = apiClients;
    }

    @Incoming("device-sessions")
    public Uni<Void> deviceSession(String value) {
        DeviceSessionRecord record = parse(value, DeviceSessionRecord.class, "device-sessions");
        if (record == null || record.recordId() == null || record.kind() == null || record.dataAccountId() == null
                || record.serialNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        return retried(revocations.apply(record).flatMap(x -> fleet.applySession(record)), "device-sessions");
    }

    @Incoming("scan-events")
    public Uni<Void> scanEvent(String value) {
        ScanEventRecord record = parse(value, ScanEventRecord.class, "scan-events");
        if (record == null || record.recordId() == null || record.dataAccountId() == null
                || record.serialNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        return retried(fleet.applyScan(record), "scan-events");
    }

    @Incoming("api-clients")
    public Uni<Void> apiClient(String value) {
        ApiClientRecord record = parse(value, ApiClientRecord.class, "api-clients");
        if (record == null || record.keyHash() == null || record.updatedAt() == null) {
            return Uni.createFrom().voidItem();
        }
        return retried(apiClients.apply(record), "api-clients");
    }

    /** A database hiccup is retried a few times; after that the record is logged and skipped (channel keeps going). */
    private static Uni<Void> retried(Uni<?> work, String channel) {
        return work.onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onFailure().invoke(e -> LOG.errorf(e, "%s: record could not be applied, skipped", channel))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static <T> T parse(String value, Class<T> type, String channel) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(value, type);
        } catch (Exception e) {
            LOG.warnf("%s: skipping a record that is not a %s: %s", channel, type.getSimpleName(), e.getMessage());
            return null;
        }
    }
}
