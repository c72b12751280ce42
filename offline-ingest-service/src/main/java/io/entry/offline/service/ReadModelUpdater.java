package io.entry.offline.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.events.ApiClientRecord;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.EntryRecord;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.Topics;
import io.entry.model.events.VenueRecord;
import io.entry.offline.repository.ReadModelRepository;
import io.entry.runtime.security.ApiClientProjection;
import io.entry.runtime.security.DeviceRevocations;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies a record of a consumed topic to its read model, in one transaction with the recordId bookkeeping, so a
 * redelivered record is dropped (idempotent consumer). Tombstones delete by key. A value that is not a record of
 * the topic's type (another module's test data, a newer schema) is logged and skipped, never blocks the topic.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private static final Logger LOG = Logger.getLogger(ReadModelUpdater.class);

    private final ReadModelRepository repository;
    private final ObjectMapper json;
    private final ApiClientProjection apiClients;
    private final DeviceRevocations revocations;

    ReadModelUpdater(ReadModelRepository repository, ObjectMapper json, ApiClientProjection apiClients,
            DeviceRevocations revocations) {
        this.repository = repository;
        this.json = json;
        this.apiClients = apiClients;
        this.revocations = revocations;
    }

    @WithTransaction
    public Uni<Void> apply(String topic, String key, String value) {
        return switch (topic) {
            // keys are revoked, never deleted: a tombstone changes nothing (service-runtime's projection decides)
            case Topics.API_CLIENTS -> value == null ? Uni.createFrom().voidItem()
                    : once(value, ApiClientRecord.class, r -> apiClients.apply(r).replaceWithVoid());
            case Topics.CATALOG_EVENTS -> value == null ? repository.deleteEvent(key)
                    : once(value, EventRecord.class, r -> repository.upsertEvent(r.eventId(), r.dataAccountId(),
                            r.seasonCd(), r.eventCd(), r.venueCode(), r.eventStartDateTime()));
            case Topics.CATALOG_LAYOUTS -> value == null ? deleteLayout(key)
                    : once(value, LayoutRecord.class, r -> repository.upsertLayout(r.dataAccountId(),
                            r.checkpointLayoutId(), r.venueCode(),
                            ids(r.checkpoints() == null ? List.of()
                                    : r.checkpoints().stream().map(LayoutRecord.Checkpoint::checkpointId).toList()),
                            ids(r.specialAreas() == null ? List.of()
                                    : r.specialAreas().stream().map(LayoutRecord.SpecialArea::specialAreaId).toList())));
            case Topics.CATALOG_VENUES -> value == null ? deleteVenue(key)
                    : once(value, VenueRecord.class, r -> repository.upsertVenue(r.dataAccountId(), r.venueCode(),
                            r.timeZone() == null ? "UTC" : r.timeZone()));
            case Topics.DEVICE_SESSIONS -> value == null ? Uni.createFrom().voidItem()
                    : once(value, DeviceSessionRecord.class, this::applyDeviceSession);
            default -> Uni.createFrom().voidItem();
        };
    }

    @WithTransaction
    public Uni<Void> markFilled(String readModel) {
        return repository.markFilled(readModel);
    }

    private Uni<Void> applyDeviceSession(DeviceSessionRecord r) {
        if (r.kind() == DeviceSessionKind.REVOCATION) {
            return repository.recordRevocation(r.dataAccountId(), r.serialNumber(), r.revokedAt())
                    .chain(() -> revocations.apply(r)).replaceWithVoid();
        }
        return repository.recordSession(r.dataAccountId(), r.serialNumber(), r.deviceId(), r.deviceName(),
                r.checkpointId(), r.checkpointName(), r.specialAreaId(), r.specialAreaName(), r.issuedAt());
    }

    /** Layout keys are {@code dataAccountId:checkpointLayoutId}. */
    private Uni<Void> deleteLayout(String key) {
        int cut = key == null ? -1 : key.lastIndexOf(':');
        if (cut < 0) {
            return Uni.createFrom().voidItem();
        }
        try {
            return repository.deleteLayout(key.substring(0, cut), Long.parseLong(key.substring(cut + 1)));
        } catch (NumberFormatException e) {
            return Uni.createFrom().voidItem();
        }
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Uni<Void> deleteVenue(String key) {
        int cut = key == null ? -1 : key.indexOf(':');
        return cut < 0 ? Uni.createFrom().voidItem() : repository.deleteVenue(key.substring(0, cut), key.substring(cut + 1));
    }

    private <R extends EntryRecord> Uni<Void> once(String value, Class<R> type, Function<R, Uni<Void>> change) {
        R record;
        try {
            String withNul = UploadDecoder.fieldWithNul(json.readTree(value), "");
            if (withNul != null) {
                // PostgreSQL text cannot hold NUL: applying it would fail forever and block the topic
                LOG.warnf("skipping a %s whose %s contains NUL", type.getSimpleName(), withNul);
                return Uni.createFrom().voidItem();
            }
            record = json.readValue(value, type);
        } catch (IOException e) {
            LOG.warnf("skipping a value that is not a %s: %s", type.getSimpleName(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (record.recordId() == null || !wellFormed(record)) {
            LOG.warnf("skipping a %s without its identifying fields", type.getSimpleName());
            return Uni.createFrom().voidItem();
        }
        return repository.firstDelivery(record.recordId())
                .chain(first -> first ? change.apply(record) : Uni.createFrom().voidItem());
    }

    private static boolean wellFormed(EntryRecord record) {
        if (record instanceof ApiClientRecord r) {
            return r.keyHash() != null && r.partnerId() != null;
        }
        if (record instanceof EventRecord r) {
            return r.eventId() != null && r.dataAccountId() != null && r.seasonCd() != null && r.eventCd() != null
                    && r.venueCode() != null;
        }
        if (record instanceof LayoutRecord r) {
            return r.dataAccountId() != null && r.venueCode() != null;
        }
        if (record instanceof VenueRecord r) {
            return r.dataAccountId() != null && r.venueCode() != null;
        }
        if (record instanceof DeviceSessionRecord r) {
            return r.dataAccountId() != null && r.serialNumber() != null && r.kind() != null
                    && (r.kind() != DeviceSessionKind.REVOCATION || r.revokedAt() != null);
        }
        return true;
    }
}
