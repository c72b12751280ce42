package io.entry.auth.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.events.EntryRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The transactional outbox: rows written in the transaction of the change, claimed and marked by the relay. */
@ApplicationScoped
public class OutboxRepository {

    /** A row to publish. */
    public record Pending(long id, String topic, String key, String eventType, int schemaVersion, String requestId,
            String payload) {
    }

    private final ObjectMapper json;

    OutboxRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> enqueue(SqlClient tx, String topic, String key, String eventType, int schemaVersion,
            String requestId, EntryRecord record) {
        String payload;
        try {
            payload = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery("""
                INSERT INTO outbox (topic, record_key, event_type, schema_version, request_id, payload)
                VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(topic, key, eventType, schemaVersion, requestId, payload))
                .replaceWithVoid();
    }

    /** Claims up to {@code limit} unsent rows in order; other relays (replicas) skip the locked ones. */
    public Uni<List<Pending>> claim(SqlClient tx, int limit) {
        return tx.preparedQuery("""
                SELECT id, topic, record_key, event_type, schema_version, request_id, payload FROM outbox
                WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new Pending(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                                row.getString("event_type"), row.getInteger("schema_version"),
                                row.getString("request_id"), row.getString("payload")));
                    }
                    return pending;
                });
    }

    public Uni<Void> markSent(SqlClient tx, List<Long> ids) {
        return tx.preparedQuery("UPDATE outbox SET sent_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }

    public Uni<Long> unsentCount(Pool pool) {
        return pool.query("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }
}
