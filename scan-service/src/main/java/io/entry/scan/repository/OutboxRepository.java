package io.entry.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The transactional outbox: rows written with the scan they describe, claimed and marked by the relay. */
@ApplicationScoped
public class OutboxRepository {

    public record OutboxRow(long id, String topic, String key, String eventType, int schemaVersion, String requestId,
            String payload) {
    }

    public Uni<Void> add(SqlClient c, String topic, String key, String eventType, int schemaVersion, String requestId,
            String payload) {
        return c.preparedQuery("""
                INSERT INTO outbox (topic, record_key, event_type, schema_version, request_id, payload)
                VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.from(Arrays.asList(topic, key, eventType, schemaVersion, requestId, payload)))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} unsent rows for {@code lease}; concurrent relays (several replicas) skip each
     * other's rows. A relay that dies leaves its claim to expire, then the rows are retried.
     */
    public Uni<List<OutboxRow>> claim(SqlClient c, int limit, Duration lease) {
        return c.preparedQuery("""
                UPDATE outbox SET claimed_until = now() + make_interval(secs => $2)
                WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL
                                 AND (claimed_until IS NULL OR claimed_until < now())
                             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING id, topic, record_key, event_type, schema_version, request_id, payload""")
                .execute(Tuple.of(limit, (double) lease.toSeconds()))
                .map(rows -> {
                    List<OutboxRow> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new OutboxRow(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getInteger(4), r.getString(5), r.getString(6)));
                    }
                    claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                    return claimed;
                });
    }

    public Uni<Void> markSent(SqlClient c, List<Long> ids) {
        return c.preparedQuery("UPDATE outbox SET sent_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    public Uni<Void> release(SqlClient c, List<Long> ids) {
        return c.preparedQuery("UPDATE outbox SET claimed_until = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Sent rows are kept a day for inspection, then removed. */
    public Uni<Void> purgeSent(SqlClient c) {
        return c.query("DELETE FROM outbox WHERE sent_at < now() - interval '1 day'").execute().replaceWithVoid();
    }
}
