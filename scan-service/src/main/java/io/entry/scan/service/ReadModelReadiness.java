package io.entry.scan.service;

import io.entry.model.api.ErrorCode;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the catalog and ticket read models have been filled at least once (CONTRACT §2). Persisted in
 * {@code read_model_filled}, so a restart during a Kafka outage is ready at once; never asks Kafka.
 */
@ApplicationScoped
public class ReadModelReadiness {

    public static final List<String> REQUIRED = List.of("venues", "layouts", "events", "tickets");

    private final Pool pool;
    private final AtomicBoolean ready = new AtomicBoolean();

    ReadModelReadiness(Pool pool) {
        this.pool = pool;
    }

    /** The read models still missing (empty when ready). */
    public Uni<List<String>> missing() {
        if (ready.get()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT name FROM read_model_filled WHERE name = ANY($1)")
                .execute(Tuple.of((Object) REQUIRED.toArray(String[]::new)))
                .map(rows -> {
                    List<String> filled = new java.util.ArrayList<>();
                    rows.forEach(r -> filled.add(r.getString(0)));
                    List<String> missing = REQUIRED.stream().filter(name -> !filled.contains(name)).toList();
                    if (missing.isEmpty()) {
                        ready.set(true);
                    }
                    return missing;
                });
    }

    /** Fails with 503 (and Retry-After) until the read models are filled. */
    public Uni<Void> requireReady() {
        return missing().map(missing -> {
            if (!missing.isEmpty()) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "scan-service is still loading its read models: " + String.join(", ", missing));
            }
            return null;
        });
    }
}
