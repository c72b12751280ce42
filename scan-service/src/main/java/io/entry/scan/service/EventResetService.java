package io.entry.scan.service;

import io.entry.runtime.web.ApiException;
import io.entry.scan.repository.CatalogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Admin reset of an event marked {@code test} (CONTRACT §5): clears its scan state, history and stored answers. */
@ApplicationScoped
public class EventResetService {

    public record Cleared(long states, long scans) {
    }

    private final Pool pool;
    private final CatalogRepository catalog;

    EventResetService(Pool pool, CatalogRepository catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    public Uni<Cleared> reset(String eventId) {
        return pool.withTransaction(c -> catalog.event(c, eventId).chain(found -> {
            var event = found.orElseThrow(() -> ApiException.notFound("no event " + eventId));
            if (!event.test()) {
                throw ApiException.conflict("event " + eventId + " is not marked test; only test events can be reset");
            }
            Tuple id = Tuple.of(eventId);
            return c.preparedQuery("""
                    UPDATE area_capacity_slot s SET holder_token = NULL, held_since = NULL
                    FROM ticket_area_state t
                    WHERE t.event_id = $1 AND t.inside AND s.data_account_id = t.data_account_id
                        AND s.area_id = t.area_id AND s.holder_token = t.token""").execute(id)
                    .chain(() -> c.preparedQuery("DELETE FROM ticket_area_state WHERE event_id = $1").execute(id))
                    .chain(states -> c.preparedQuery("DELETE FROM scan_history WHERE event_id = $1").execute(id)
                            .chain(scans -> c.preparedQuery("DELETE FROM scan_request WHERE event_id = $1")
                                    .execute(id)
                                    .replaceWith(new Cleared(states.rowCount(), scans.rowCount()))));
        }));
    }
}
