package io.entry.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads of a ticket's history in scan-time order for reconciliation (CONTRACT §6): only admitted, non-test scans
 * that counted (not judged DOUBLE_ENTRY or MAX_ENTRIES_EXCEEDED) are part of the ticket's story.
 */
@ApplicationScoped
public class ReconciliationRepository {

    public record Neighbour(String recordId, String scanMode, OffsetDateTime scannedAt) {
    }

    private static final String COUNTED = """
            data_account_id = $1 AND token = $2 AND area_id = $3 AND status = 'ADMIT' AND NOT test_mode
            AND record_id <> $4
            AND (conflict_code IS NULL OR conflict_code NOT IN ('DOUBLE_ENTRY', 'MAX_ENTRIES_EXCEEDED'))""";

    /** The last counted admitted scan before {@code at} (ties broken by arrival). */
    public Uni<Optional<Neighbour>> previous(SqlClient c, String account, String token, long areaId, String self,
            OffsetDateTime at) {
        return c.preparedQuery("SELECT record_id, scan_mode, scanned_at FROM scan_history WHERE " + COUNTED
                + " AND scanned_at <= $5 ORDER BY scanned_at DESC, id DESC LIMIT 1")
                .execute(Tuple.of(account, token, areaId, self, at)).map(ReconciliationRepository::first);
    }

    /** The first counted admitted scan after {@code at}. */
    public Uni<Optional<Neighbour>> next(SqlClient c, String account, String token, long areaId, String self,
            OffsetDateTime at) {
        return c.preparedQuery("SELECT record_id, scan_mode, scanned_at FROM scan_history WHERE " + COUNTED
                + " AND scanned_at > $5 ORDER BY scanned_at ASC, id ASC LIMIT 1")
                .execute(Tuple.of(account, token, areaId, self, at)).map(ReconciliationRepository::first);
    }

    /** Counted admitted entries of the ticket in the area before {@code at}. */
    public Uni<Long> entriesBefore(SqlClient c, String account, String token, long areaId, String self,
            OffsetDateTime at) {
        return c.preparedQuery("SELECT count(*) FROM scan_history WHERE " + COUNTED
                + " AND scan_mode = 'ENTRY' AND scanned_at <= $5")
                .execute(Tuple.of(account, token, areaId, self, at)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> markConflict(SqlClient c, String recordId, String conflictCode) {
        return c.preparedQuery("UPDATE scan_history SET conflict_code = $2 WHERE record_id = $1")
                .execute(Tuple.of(recordId, conflictCode)).replaceWithVoid();
    }

    /** True when a scan of the ticket and area later than {@code at} is already recorded in the current state. */
    public Uni<Boolean> laterScanRecorded(SqlClient c, String account, String token, long areaId,
            OffsetDateTime at) {
        return c.preparedQuery("""
                SELECT 1 FROM ticket_area_state WHERE data_account_id = $1 AND token = $2 AND area_id = $3
                    AND last_scan_at > $4""")
                .execute(Tuple.of(account, token, areaId, at)).map(rows -> rows.size() > 0);
    }

    /** Counts an offline entry (the person is inside whatever the limits said). */
    public Uni<Boolean> applyEntry(SqlClient c, String account, String token, long areaId, String eventId,
            OffsetDateTime at, String checkpointName) {
        return c.preparedQuery("""
                INSERT INTO ticket_area_state (data_account_id, token, area_id, event_id, entries, inside,
                    last_entry_at, last_entry_checkpoint, last_scan_at)
                VALUES ($1, $2, $3, $4, 1, true, $5, $6, $5)
                ON CONFLICT (data_account_id, token, area_id) DO UPDATE SET entries = ticket_area_state.entries + 1,
                    inside = true, last_entry_at = $5, last_entry_checkpoint = $6, last_scan_at = $5
                RETURNING (xmax = 0) AS inserted""")
                .execute(Tuple.of(account, token, areaId, eventId, at, checkpointName)).map(rows -> true);
    }

    public Uni<Boolean> wasInside(SqlClient c, String account, String token, long areaId) {
        return c.preparedQuery("""
                SELECT inside FROM ticket_area_state WHERE data_account_id = $1 AND token = $2 AND area_id = $3
                FOR UPDATE""")
                .execute(Tuple.of(account, token, areaId))
                .map(rows -> rows.size() > 0 && Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)));
    }

    /** An admit beyond capacity still holds a place: an extra slot below 1 that is deleted, not freed, on exit. */
    public Uni<Void> addOverflowSlot(SqlClient c, String account, long areaId, String token) {
        return c.preparedQuery("""
                INSERT INTO area_capacity_slot (data_account_id, area_id, slot, holder_token, held_since)
                SELECT $1, $2, COALESCE(min(slot), 1) - 1, $3, now() FROM area_capacity_slot
                WHERE data_account_id = $1 AND area_id = $2 AND slot < 1""")
                .execute(Tuple.of(account, areaId, token)).replaceWithVoid();
    }

    private static Optional<Neighbour> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new Neighbour(r.getString(0), r.getString(1), r.getOffsetDateTime(2)));
    }
}
