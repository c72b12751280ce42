package io.entry.offline.service;

import io.entry.offline.model.CatalogEvent;
import io.entry.offline.model.DeviceAssignment;
import io.entry.offline.model.UploadEntity;
import io.entry.offline.model.VenuePlaces;
import io.entry.offline.repository.ReadModelRepository;
import io.entry.offline.repository.UploadRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** The transactions of uploads and their replay: each method is one short transaction, none spans S3 or Kafka. */
@ApplicationScoped
public class UploadLedger {

    private final UploadRepository uploads;
    private final ReadModelRepository readModels;

    UploadLedger(UploadRepository uploads, ReadModelRepository readModels) {
        this.uploads = uploads;
        this.readModels = readModels;
    }

    @WithTransaction
    public Uni<CatalogEvent> event(String eventId) {
        return readModels.event(eventId);
    }

    @WithTransaction
    public Uni<DeviceAssignment> device(String dataAccountId, String serialNumber) {
        return readModels.device(dataAccountId, serialNumber);
    }

    @WithTransaction
    public Uni<VenuePlaces> venuePlaces(String dataAccountId, String venueCode) {
        return readModels.venuePlaces(dataAccountId, venueCode);
    }

    @WithTransaction
    public Uni<UploadEntity> reserve(UploadEntity upload, String owner, Duration lease) {
        return uploads.reserve(upload, owner, lease);
    }

    @WithTransaction
    public Uni<UploadEntity> find(String eventId, String filename) {
        return uploads.findByIdentity(eventId, filename);
    }

    @WithTransaction
    public Uni<Boolean> reclaimReceived(long id, String owner, Duration lease) {
        return uploads.reclaimReceived(id, owner, lease);
    }

    @WithTransaction
    public Uni<Boolean> markStored(long id, String owner) {
        return uploads.markStored(id, owner);
    }

    @WithTransaction
    public Uni<Void> release(long id, String owner) {
        return uploads.release(id, owner);
    }

    @WithTransaction
    public Uni<Boolean> forgetUnstored(long id, String owner) {
        return uploads.forgetUnstored(id, owner);
    }

    @WithTransaction
    public Uni<List<UploadEntity>> claimUnfinished(String owner, Duration lease, int limit) {
        return uploads.claimUnfinished(owner, lease, limit);
    }

    @WithTransaction
    public Uni<Boolean> recordReplayed(long id, String owner, int replayed, Duration retryDelay) {
        return uploads.recordReplayed(id, owner, replayed, retryDelay);
    }

    @WithTransaction
    public Uni<Void> postpone(long id, String owner, Duration delay) {
        return uploads.postpone(id, owner, delay);
    }
}
