package io.entry.auth.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** API keys owned by auth-service; the key itself is never stored, only its hash. */
@ApplicationScoped
public class ApiClientRepository {

    public record StoredKey(String keyHash, String partnerId, List<String> dataAccountIds, boolean revoked,
            Instant updatedAt) {
    }

    private static final String COLUMNS = "key_hash, partner_id, data_account_ids, revoked, updated_at";

    /** Inserts the key; null when a key with this hash exists already (nothing changed). */
    public Uni<StoredKey> insertIfAbsent(SqlClient tx, String keyHash, String partnerId, List<String> accounts) {
        return tx.preparedQuery("INSERT INTO api_clients (key_hash, partner_id, data_account_ids) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (key_hash) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(keyHash, partnerId, accounts.toArray(String[]::new)))
                .map(ApiClientRepository::first);
    }

    public Uni<StoredKey> find(SqlClient client, String keyHash) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM api_clients WHERE key_hash = $1")
                .execute(Tuple.of(keyHash)).map(ApiClientRepository::first);
    }

    /** Revokes the key; null when there is no such key or it was revoked already (nothing changed). */
    public Uni<StoredKey> revoke(SqlClient tx, String keyHash) {
        return tx.preparedQuery("UPDATE api_clients SET revoked = TRUE, updated_at = now() "
                        + "WHERE key_hash = $1 AND NOT revoked RETURNING " + COLUMNS)
                .execute(Tuple.of(keyHash)).map(ApiClientRepository::first);
    }

    private static StoredKey first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Row row = it.next();
        return new StoredKey(row.getString("key_hash"), row.getString("partner_id"),
                Arrays.asList(row.getArrayOfStrings("data_account_ids")), row.getBoolean("revoked"),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
