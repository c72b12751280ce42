package io.entry.runtime.security;

import io.entry.model.events.ApiClientRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Applies {@code entry.api-clients.v1} to the service's {@code api_clients} read model in one statement: a
 * redelivered record (same recordId) and an older state of the key (earlier updatedAt, e.g. from a compacted
 * topic read again) change nothing. Keys are revoked, never deleted, so a tombstone is ignored.
 */
@ApplicationScoped
public class ApiClientProjection {

    static final String UPSERT = """
            INSERT INTO api_clients (key_hash, partner_id, data_account_ids, revoked, updated_at, last_record_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (key_hash) DO UPDATE SET partner_id = excluded.partner_id,
                data_account_ids = excluded.data_account_ids, revoked = excluded.revoked,
                updated_at = excluded.updated_at, last_record_id = excluded.last_record_id
            WHERE api_clients.last_record_id IS DISTINCT FROM excluded.last_record_id
              AND api_clients.updated_at <= excluded.updated_at""";

    private final Pool pool;

    ApiClientProjection(Pool pool) {
        this.pool = pool;
    }

    /** Applies the record; completes with whether the read model changed. */
    public Uni<Boolean> apply(ApiClientRecord record) {
        if (record == null || record.keyHash() == null) {
            return Uni.createFrom().item(false);
        }
        Tuple row = Tuple.tuple()
                .addString(record.keyHash())
                .addString(record.partnerId())
                .addArrayOfString(record.dataAccountIds() == null ? new String[0]
                        : record.dataAccountIds().toArray(String[]::new))
                .addBoolean(record.revoked())
                .addOffsetDateTime(record.updatedAt() == null ? null : record.updatedAt().atOffset(ZoneOffset.UTC))
                .addString(record.recordId());
        return pool.preparedQuery(UPSERT).execute(row).map(result -> result.rowCount() > 0);
    }
}
