package io.entry.runtime.security;

import io.smallrye.mutiny.Uni;
import io.entry.runtime.web.ApiException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the {@code API-Authorization-Key} of a route against the service's own {@code api_clients} table (the
 * read model of {@code entry.api-clients.v1}, or auth-service's own key table): 401 for a missing, unknown or
 * revoked key, 403 for a key not allowed for the account (CONTRACT §3). See service-runtime/README.md.
 */
@ApplicationScoped
public class ApiKeyGuard {

    public static final String HEADER = "API-Authorization-Key";

    private final Pool pool;

    ApiKeyGuard(Pool pool) {
        this.pool = pool;
    }

    /**
     * The key's client, allowed for {@code dataAccountId}; fails with an {@link ApiException} 401 or 403. A null
     * {@code dataAccountId} checks only the key (routes where the account comes later).
     */
    public Uni<ApiClient> require(String headerValue, String dataAccountId) {
        if (headerValue == null || headerValue.isBlank()) {
            return Uni.createFrom().failure(ApiException.unauthorized(HEADER + " is required"));
        }
        String hash = ApiKeys.hash(headerValue.trim());
        return pool.preparedQuery("SELECT key_hash, partner_id, data_account_ids, revoked FROM api_clients WHERE key_hash = $1")
                .execute(Tuple.of(hash))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return decide(it.hasNext() ? toClient(it.next()) : null, hash, dataAccountId);
                });
    }

    /** True once at least one key is known: the read model was filled (readiness, CONTRACT §2). */
    public Uni<Boolean> readModelFilled() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM api_clients) AS filled").execute()
                .map(rows -> rows.iterator().next().getBoolean("filled"));
    }

    /** The rule, apart from the lookup: returns the client or throws the refusal. */
    static ApiClient decide(ApiClient found, String presentedHash, String dataAccountId) {
        if (found == null || !ApiKeys.sameHash(found.keyHash(), presentedHash) || found.revoked()) {
            throw ApiException.unauthorized("unknown or revoked " + HEADER);
        }
        if (dataAccountId != null && !found.allows(dataAccountId)) {
            throw ApiException.forbidden("this API key may not use dataAccountId " + dataAccountId);
        }
        return found;
    }

    static ApiClient toClient(Row row) {
        String[] accounts = row.getArrayOfStrings("data_account_ids");
        List<String> ids = accounts == null ? List.of() : Arrays.asList(accounts);
        return new ApiClient(row.getString("key_hash"), row.getString("partner_id"), ids, row.getBoolean("revoked"));
    }
}
