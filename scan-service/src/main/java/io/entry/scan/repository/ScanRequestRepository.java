package io.entry.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Retries of Validate Scan (CONTRACT §2), decided by the primary key (device, PAC-Request-Id): the first
 * transaction to insert the row decides the scan; a concurrent retry waits on that key and then reads its answer.
 */
@ApplicationScoped
public class ScanRequestRepository {

    public record FirstAnswer(String bodyHash, String response) {
    }

    /**
     * Claims (device, request id) for this scan. Empty when claimed (a new scan, or the earlier one is older than the
     * retry window); else the first scan's body hash and stored answer.
     */
    public Uni<Optional<FirstAnswer>> claim(SqlClient c, String deviceKey, String requestId, String bodyHash,
            OffsetDateTime now, Duration window) {
        return c.preparedQuery("""
                INSERT INTO scan_request (device_key, request_id, body_hash, created_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (device_key, request_id) DO UPDATE SET body_hash = excluded.body_hash,
                    created_at = excluded.created_at, response = NULL, event_id = NULL
                WHERE scan_request.created_at < $5
                RETURNING 1""")
                .execute(Tuple.of(deviceKey, requestId, bodyHash, now, now.minus(window)))
                .chain(rows -> {
                    if (rows.rowCount() > 0) {
                        return Uni.createFrom().item(Optional.<FirstAnswer>empty());
                    }
                    return c.preparedQuery("""
                            SELECT body_hash, response::text FROM scan_request WHERE device_key = $1 AND request_id = $2""")
                            .execute(Tuple.of(deviceKey, requestId))
                            .map(existing -> {
                                Row r = existing.iterator().next();
                                return Optional.of(new FirstAnswer(r.getString(0), r.getString(1)));
                            });
                });
    }

    public Uni<Void> storeAnswer(SqlClient c, String deviceKey, String requestId, String eventId, String response) {
        return c.preparedQuery("""
                UPDATE scan_request SET response = $3::text::jsonb, event_id = $4 WHERE device_key = $1 AND request_id = $2""")
                .execute(Tuple.of(deviceKey, requestId, response, eventId)).replaceWithVoid();
    }
}
