package io.entry.offline.repository;

import io.entry.offline.model.UploadEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Uploads and their replay progress. Every state change is a conditional UPDATE on the claim the caller holds, so
 * two instances (or a request and the replayer) never both act on one upload.
 */
@ApplicationScoped
@WithSession
public class UploadRepository implements PanacheRepository<UploadEntity> {

    private static final String COLUMNS = "id, event_id, filename, content_sha256, object_key, data_account_id, venue_code, "
            + "serial_number, request_id, received_at, item_count, accepted_count, rejected_json, device_id, device_name, "
            + "checkpoint_id, checkpoint_name, special_area_id, special_area_name, state, replayed_count, claimed_by, claim_until";

    /**
     * Reserves the identity (eventId, Filename) for this upload, claimed by {@code owner}; returns null when the
     * identity is already taken (the unique constraint decides, not a read before the write).
     */
    public Uni<UploadEntity> reserve(UploadEntity upload, String owner, Duration lease) {
        return NativeSql.rows(UploadEntity.class, "INSERT INTO uploads (event_id, filename, content_sha256, object_key, "
                + "data_account_id, venue_code, serial_number, request_id, received_at, item_count, accepted_count, "
                + "rejected_json, device_id, device_name, checkpoint_id, checkpoint_name, special_area_id, special_area_name, "
                + "state, replayed_count, claimed_by, claim_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                + "?13, ?14, ?15, ?16, ?17, ?18, 'RECEIVED', 0, ?19, now() + make_interval(secs => ?20)) "
                + "ON CONFLICT ON CONSTRAINT uploads_identity DO NOTHING RETURNING " + COLUMNS,
                upload.eventId, upload.filename, upload.contentSha256, upload.objectKey, upload.dataAccountId,
                upload.venueCode, upload.serialNumber, upload.requestId, upload.receivedAt, upload.itemCount,
                upload.acceptedCount, upload.rejectedJson, upload.deviceId, upload.deviceName, upload.checkpointId,
                upload.checkpointName, upload.specialAreaId, upload.specialAreaName, owner, (double) lease.toSeconds())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<UploadEntity> findByIdentity(String eventId, String filename) {
        return NativeSql.rows(UploadEntity.class, "SELECT " + COLUMNS + " FROM uploads WHERE event_id = ?1 AND filename = ?2",
                eventId, filename).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Takes over a RECEIVED upload whose claim has lapsed (its first request died before S3 confirmed). */
    public Uni<Boolean> reclaimReceived(long id, String owner, Duration lease) {
        return NativeSql.update("UPDATE uploads SET claimed_by = ?2, claim_until = now() + make_interval(secs => ?3) "
                + "WHERE id = ?1 AND state = 'RECEIVED' AND (claim_until IS NULL OR claim_until < now() OR claimed_by = ?2)",
                id, owner, (double) lease.toSeconds()).map(count -> count == 1);
    }

    /** The object is in S3: the upload is STORED, still claimed by the owner, who replays it next. */
    public Uni<Boolean> markStored(long id, String owner) {
        return NativeSql.update("UPDATE uploads SET state = 'STORED' WHERE id = ?1 AND state = 'RECEIVED' AND claimed_by = ?2",
                id, owner).map(count -> count == 1);
    }

    /** Gives up a claim so another attempt (a retry, the replayer) may take the upload at once. */
    public Uni<Void> release(long id, String owner) {
        return NativeSql.update("UPDATE uploads SET claimed_by = NULL, claim_until = NULL WHERE id = ?1 AND claimed_by = ?2",
                id, owner).replaceWithVoid();
    }

    /**
     * Gives up a claim after a failure and keeps the upload out of the replayer's way for {@code delay}, so an
     * upload that keeps failing (object missing, Kafka away) neither spins nor crowds out the others.
     */
    public Uni<Void> postpone(long id, String owner, Duration delay) {
        return NativeSql.update("UPDATE uploads SET claimed_by = NULL, claim_until = now() + make_interval(secs => ?3) "
                + "WHERE id = ?1 AND claimed_by = ?2", id, owner, (double) delay.toSeconds()).replaceWithVoid();
    }

    /** Forgets a RECEIVED upload whose object never reached S3: its client never got a 200. */
    public Uni<Boolean> forgetUnstored(long id, String owner) {
        return NativeSql.update("DELETE FROM uploads WHERE id = ?1 AND state = 'RECEIVED' AND claimed_by = ?2", id, owner)
                .map(count -> count == 1);
    }

    /**
     * Claims up to {@code limit} unfinished uploads nobody holds (or whose holder's lease lapsed). SKIP LOCKED lets
     * concurrent replayers each take different rows instead of waiting on each other.
     */
    public Uni<List<UploadEntity>> claimUnfinished(String owner, Duration lease, int limit) {
        return NativeSql.rows(UploadEntity.class, "UPDATE uploads u SET claimed_by = ?1, "
                + "claim_until = now() + make_interval(secs => ?2) FROM (SELECT id FROM uploads WHERE state <> 'REPLAYED' "
                + "AND (claim_until IS NULL OR claim_until < now()) ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED) todo "
                + "WHERE u.id = todo.id RETURNING " + prefixed("u"), owner, (double) lease.toSeconds(), limit);
    }

    /**
     * Records that the first {@code replayed} accepted scans are acknowledged by Kafka; never moves backwards, and
     * the upload is REPLAYED once all are. Releases the claim; an unfinished upload waits {@code retryDelay}.
     */
    public Uni<Boolean> recordReplayed(long id, String owner, int replayed, Duration retryDelay) {
        return NativeSql.update("UPDATE uploads SET replayed_count = GREATEST(replayed_count, ?3), "
                + "state = CASE WHEN GREATEST(replayed_count, ?3) >= accepted_count THEN 'REPLAYED' ELSE state END, "
                + "claimed_by = NULL, claim_until = CASE WHEN GREATEST(replayed_count, ?3) >= accepted_count THEN NULL "
                + "ELSE now() + make_interval(secs => ?4) END WHERE id = ?1 AND claimed_by = ?2 AND state = 'STORED'",
                id, owner, replayed, (double) retryDelay.toSeconds()).map(count -> count == 1);
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }
}
