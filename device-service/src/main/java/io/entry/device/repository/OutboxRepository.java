package io.entry.device.repository;

import io.entry.device.messaging.OutboxEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox: rows are appended in the transaction of the change they describe; the relay claims
 * a batch with {@code FOR UPDATE SKIP LOCKED} and a lease (so two relays never send the same batch at once and a
 * relay that died releases its claim by time), then marks what Kafka acknowledged.
 */
@ApplicationScoped
public class OutboxRepository {

    public record Claimed(long id, OutboxEntry entry) {
    }

    private final Pool pool;

    OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** Appends the entries on the caller's connection, i.e. in its transaction. */
    public Uni<Void> append(SqlClient tx, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            rows.add(Tuple.of(e.topic(), e.key(), e.eventType(), e.schemaVersion(), e.requestId(), e.payload()));
        }
        return tx.preparedQuery("""
                INSERT INTO outbox (topic, record_key, event_type, schema_version, request_id, payload)
                VALUES ($1, $2, $3, $4, $5, $6)""").executeBatch(rows).replaceWithVoid();
    }

    public Uni<List<Claimed>> claim(int batchSize, Duration lease) {
        return pool.preparedQuery("""
                UPDATE outbox SET claimed_until = now() + make_interval(secs => $2)
                WHERE id IN (SELECT id FROM outbox
                             WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING id, topic, record_key, event_type, schema_version, request_id, payload""")
                .execute(Tuple.of(batchSize, (double) lease.toSeconds()))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        claimed.add(new Claimed(r.getLong("id"), new OutboxEntry(r.getString("topic"),
                                r.getString("record_key"), r.getString("event_type"), r.getInteger("schema_version"),
                                r.getString("request_id"), r.getString("payload"))));
                    }
                    // UPDATE ... RETURNING does not keep the sub-select's order; per-key order matters to consumers
                    claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
                    return claimed;
                });
    }

    public Uni<Void> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE outbox SET sent_at = now(), claimed_until = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Gives failed records back at once, so the next round retries them. */
    public Uni<Void> release(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE outbox SET claimed_until = NULL, attempts = attempts + 1 WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    public Uni<Long> unsentCount() {
        return pool.query("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }
}
