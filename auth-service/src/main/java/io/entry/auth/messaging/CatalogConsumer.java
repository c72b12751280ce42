package io.entry.auth.messaging;

import io.entry.auth.repository.CatalogRepository;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog read model (venues, layouts) from the compacted catalog topics: each record is applied once
 * (its recordId registered in the same transaction), a tombstone deletes by key, and the first applied record marks
 * the read model filled for readiness. A database failure is retried, never skipped: the read model stays in order.
 */
@ApplicationScoped
public class CatalogConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);
    /** Header SmallRye Kafka adds when a value could not be deserialized (fail-on-deserialization-failure=false). */
    static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private final Pool pool;
    private final CatalogRepository catalog;

    CatalogConsumer(Pool pool, CatalogRepository catalog) {
        this.pool = pool;
        this.catalog = catalog;
    }

    @Incoming("catalog-venues")
    Uni<Void> venue(ConsumerRecord<String, VenueRecord> record) {
        VenueRecord venue = record.value();
        if (unreadable(record)) {
            return Uni.createFrom().voidItem();
        }
        if (venue == null) {
            String[] key = splitKey(record.key());
            return key == null ? Uni.createFrom().voidItem()
                    : apply(null, tx -> catalog.deleteVenue(tx, key[0], key[1]));
        }
        if (venue.dataAccountId() == null || venue.venueCode() == null || venue.venueName() == null
                || venue.timeZone() == null) {
            LOG.warnf("ignoring incomplete venue record %s", venue.recordId());
            return Uni.createFrom().voidItem();
        }
        return apply(venue.recordId(), tx -> catalog.upsertVenue(tx, venue));
    }

    @Incoming("catalog-layouts")
    Uni<Void> layout(ConsumerRecord<String, LayoutRecord> record) {
        LayoutRecord layout = record.value();
        if (unreadable(record)) {
            return Uni.createFrom().voidItem();
        }
        if (layout == null) {
            String[] key = splitKey(record.key());
            if (key == null) {
                return Uni.createFrom().voidItem();
            }
            long layoutId;
            try {
                layoutId = Long.parseLong(key[1]);
            } catch (NumberFormatException foreign) {
                return Uni.createFrom().voidItem();
            }
            return apply(null, tx -> catalog.deleteLayout(tx, key[0], layoutId));
        }
        if (layout.dataAccountId() == null || layout.venueCode() == null) {
            LOG.warnf("ignoring incomplete layout record %s", layout.recordId());
            return Uni.createFrom().voidItem();
        }
        return apply(layout.recordId(), tx -> catalog.upsertLayout(tx, layout));
    }

    private Uni<Void> apply(String recordId, Function<SqlClient, Uni<Void>> change) {
        return pool.withTransaction(tx -> (recordId == null ? Uni.createFrom().item(true)
                        : catalog.firstDelivery(tx, recordId))
                        .flatMap(first -> first ? change.apply(tx).flatMap(done -> catalog.markFilled(tx))
                                : Uni.createFrom().voidItem()))
                .onFailure().invoke(failure -> LOG.warnf("catalog record %s not applied yet: %s", recordId,
                        failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely();
    }

    /** A value that failed to deserialize also arrives as null: it is not a tombstone and deletes nothing. */
    static boolean unreadable(ConsumerRecord<String, ?> record) {
        if (record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON) != null) {
            LOG.warnf("ignoring unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return true;
        }
        return false;
    }

    /** {@code dataAccountId:id} of a catalog key; null for a key of another shape. */
    static String[] splitKey(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        return colon <= 0 || colon == key.length() - 1 ? null
                : new String[] {key.substring(0, colon), key.substring(colon + 1)};
    }
}
