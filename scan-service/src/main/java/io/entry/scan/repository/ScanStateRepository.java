package io.entry.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * Per (ticket, area) state and area capacity. Every rule that must hold under concurrency is a conditional
 * statement here; the Java caller only reads whether a row came back.
 */
@ApplicationScoped
public class ScanStateRepository {

    public record StateSnapshot(int entries, boolean inside, OffsetDateTime lastEntryAt, String lastEntryCheckpoint) {
    }

    public Uni<Void> savepoint(SqlClient c) {
        return c.query("SAVEPOINT scan_decision").execute().replaceWithVoid();
    }

    /** Undoes every state change since {@link #savepoint}: refused scans and test-mode scans change nothing. */
    public Uni<Void> rollbackToSavepoint(SqlClient c) {
        return c.query("ROLLBACK TO SAVEPOINT scan_decision").execute().replaceWithVoid();
    }

    /**
     * Counts an entry if the rules allow it: not inside where pairing applies, entries below the limit. Empty when
     * refused; else whether the ticket was already inside (an entry without pairing while inside).
     */
    public Uni<Optional<Boolean>> tryEnter(SqlClient c, String account, String token, long areaId, String eventId,
            boolean pairing, Integer maxEntries, OffsetDateTime at, String checkpointName) {
        return c.preparedQuery("""
                INSERT INTO ticket_area_state (data_account_id, token, area_id, event_id) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(account, token, areaId, eventId))
                .chain(() -> c.preparedQuery("""
                        WITH prev AS (SELECT inside FROM ticket_area_state
                                      WHERE data_account_id = $1 AND token = $2 AND area_id = $3 FOR UPDATE)
                        UPDATE ticket_area_state s SET entries = s.entries + 1, inside = true, last_entry_at = $6,
                            last_entry_checkpoint = $7, last_scan_at = $6, event_id = COALESCE($8, s.event_id)
                        FROM prev
                        WHERE s.data_account_id = $1 AND s.token = $2 AND s.area_id = $3
                            AND (s.inside = false OR NOT $4::boolean)
                            AND ($5::int IS NULL OR s.entries < $5::int)
                        RETURNING prev.inside""")
                        .execute(Tuple.from(Arrays.asList(account, token, areaId, pairing, maxEntries, at,
                                checkpointName, eventId))))
                .map(rows -> rows.size() == 0 ? Optional.<Boolean>empty()
                        : Optional.of(rows.iterator().next().getBoolean(0)));
    }

    public Uni<Optional<StateSnapshot>> state(SqlClient c, String account, String token, long areaId) {
        return c.preparedQuery("""
                SELECT entries, inside, last_entry_at, last_entry_checkpoint FROM ticket_area_state
                WHERE data_account_id = $1 AND token = $2 AND area_id = $3""")
                .execute(Tuple.of(account, token, areaId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new StateSnapshot(r.getInteger(0), r.getBoolean(1), r.getOffsetDateTime(2),
                            r.getString(3)));
                });
    }

    /** Records an exit of a ticket that is inside; false when it was not inside (nothing changes then). */
    public Uni<Boolean> exitIfInside(SqlClient c, String account, String token, long areaId, OffsetDateTime at) {
        return c.preparedQuery("""
                UPDATE ticket_area_state SET inside = false, last_scan_at = $4
                WHERE data_account_id = $1 AND token = $2 AND area_id = $3 AND inside
                RETURNING 1""")
                .execute(Tuple.of(account, token, areaId, at))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Claims one free capacity slot of the area. Concurrent entries skip slots another transaction is claiming
     * ({@code SKIP LOCKED}) instead of waiting on one shared row. False when none is free: the area is full.
     */
    public Uni<Boolean> claimSlot(SqlClient c, String account, long areaId, String token, int maxCapacity) {
        return c.preparedQuery("""
                UPDATE area_capacity_slot s SET holder_token = $3, held_since = now()
                WHERE (s.data_account_id, s.area_id, s.slot) IN (
                    SELECT f.data_account_id, f.area_id, f.slot FROM area_capacity_slot f
                    WHERE f.data_account_id = $1 AND f.area_id = $2 AND f.holder_token IS NULL AND f.slot <= $4
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING s.slot""")
                .execute(Tuple.of(account, areaId, token, maxCapacity))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Frees the ticket's slot. An overflow slot (below 1, held by an offline admit beyond capacity) is deleted; a
     * regular slot passes to an overflow holder if there is one, so occupancy never exceeds capacity again.
     */
    public Uni<Void> releaseSlot(SqlClient c, String account, long areaId, String token) {
        return c.preparedQuery("""
                DELETE FROM area_capacity_slot WHERE data_account_id = $1 AND area_id = $2 AND holder_token = $3
                    AND slot < 1 RETURNING slot""")
                .execute(Tuple.of(account, areaId, token))
                .chain(deleted -> deleted.rowCount() > 0 ? Uni.createFrom().voidItem()
                        : c.preparedQuery("""
                                DELETE FROM area_capacity_slot WHERE (data_account_id, area_id, slot) IN (
                                    SELECT data_account_id, area_id, slot FROM area_capacity_slot
                                    WHERE data_account_id = $1 AND area_id = $2 AND slot < 1
                                    ORDER BY slot DESC LIMIT 1 FOR UPDATE)
                                RETURNING holder_token""")
                                .execute(Tuple.of(account, areaId))
                                .chain(overflow -> c.preparedQuery("""
                                        UPDATE area_capacity_slot SET holder_token = $4,
                                            held_since = CASE WHEN $4::text IS NULL THEN NULL ELSE now() END
                                        WHERE data_account_id = $1 AND area_id = $2 AND holder_token = $3""")
                                        .execute(Tuple.of(account, areaId, token, overflow.rowCount() == 0 ? null
                                                : overflow.iterator().next().getString(0))))
                                .replaceWithVoid());
    }

    /** Occupancy as CONTRACT §5 defines it: tickets of the area with {@code inside} true. */
    public Uni<Long> occupancy(SqlClient c, String account, long areaId) {
        return c.preparedQuery("""
                SELECT count(*) FROM ticket_area_state WHERE data_account_id = $1 AND area_id = $2 AND inside""")
                .execute(Tuple.of(account, areaId))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
