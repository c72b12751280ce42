package io.entry.scan.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.VenueRecord;
import io.entry.scan.repository.CatalogRepository;
import io.entry.scan.service.TextRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Read models of the catalog topics. Each record is applied in one transaction that also marks the read model as
 * filled; a redelivered record is a no-op (its recordId is already on the row). Records that are not ours or not
 * readable are logged and skipped (so are records and tombstone keys holding NUL, which PostgreSQL text cannot
 * store: retrying them would only stall the partition); a tombstone deletes. Database failures are retried with
 * backoff.
 */
@ApplicationScoped
public class CatalogConsumers {

    private static final Logger LOG = Logger.getLogger(CatalogConsumers.class);

    private final Pool pool;
    private final CatalogRepository catalog;
    private final ObjectMapper json;

    CatalogConsumers(Pool pool, CatalogRepository catalog, ObjectMapper json) {
        this.pool = pool;
        this.catalog = catalog;
        this.json = json;
    }

    @Incoming("catalog-venues")
    public Uni<Void> venue(ConsumerRecord<String, String> record) {
        return apply(record, VenueRecord.class, "venues", (c, v) -> v == null
                ? keyParts(record.key()).map(k -> catalog.deleteVenue(c, k[0], k[1])).orElse(Uni.createFrom().voidItem())
                : catalog.upsertVenue(c, v), v -> v.dataAccountId() != null && v.venueCode() != null && v.timeZone() != null);
    }

    @Incoming("catalog-events")
    public Uni<Void> event(ConsumerRecord<String, String> record) {
        return apply(record, EventRecord.class, "events", (c, e) -> e == null
                ? catalog.deleteEvent(c, record.key())
                : catalog.upsertEvent(c, e),
                e -> e.eventId() != null && e.dataAccountId() != null && e.venueCode() != null
                        && e.eventStartDateTime() != null);
    }

    @Incoming("catalog-layouts")
    public Uni<Void> layout(ConsumerRecord<String, String> record) {
        return apply(record, LayoutRecord.class, "layouts", (c, l) -> l == null
                ? keyParts(record.key()).filter(k -> k[1].matches("\\d{1,18}"))
                        .map(k -> catalog.deleteLayout(c, k[0], Long.parseLong(k[1])))
                        .orElse(Uni.createFrom().voidItem())
                : catalog.upsertLayout(c, l), l -> l.dataAccountId() != null);
    }

    /** Tickets in batches: the last record of each key wins, one multi-row upsert and one delete per batch. */
    @Incoming("catalog-tickets")
    public Uni<Void> tickets(ConsumerRecords<String, String> records) {
        Map<String, TicketRecord> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                if (record.key() != null && !TextRules.containsNul(record.key())) {
                    latest.put(record.key(), null);
                }
                continue;
            }
            TicketRecord ticket = parse(record, TicketRecord.class);
            if (ticket == null || ticket.dataAccountId() == null || ticket.token() == null || ticket.eventId() == null
                    || ticket.status() == null || TextRules.fieldWithNul(ticket).isPresent()) {
                LOG.warnf("skipping unreadable ticket record %s-%d@%d", record.topic(), record.partition(),
                        record.offset());
                continue;
            }
            if (ticket.recordId() == null) {
                ticket = withRecordId(ticket, record);
            }
            String key = ticket.key();
            latest.remove(key); // keep arrival order of the last version
            latest.put(key, ticket);
        }
        List<TicketRecord> upserts = new ArrayList<>();
        List<String> deleteAccounts = new ArrayList<>();
        List<String> deleteTokens = new ArrayList<>();
        latest.forEach((key, ticket) -> {
            if (ticket != null) {
                upserts.add(ticket);
            } else {
                keyParts(key).ifPresent(k -> {
                    deleteAccounts.add(k[0]);
                    deleteTokens.add(k[1]);
                });
            }
        });
        if (upserts.isEmpty() && deleteTokens.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(c -> catalog.upsertTickets(c, upserts)
                        .chain(() -> catalog.deleteTickets(c, deleteAccounts, deleteTokens))
                        .chain(() -> catalog.markFilled(c, "tickets")))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(20);
    }

    private <T> Uni<Void> apply(ConsumerRecord<String, String> record, Class<T> type, String readModel,
            BiFunction<SqlConnection, T, Uni<Void>> write, java.util.function.Predicate<T> valid) {
        T value = null;
        if (record.value() != null) {
            value = parse(record, type);
            if (value == null || !valid.test(value) || TextRules.fieldWithNul(value).isPresent()) {
                LOG.warnf("skipping unreadable %s record %s-%d@%d", readModel, record.topic(), record.partition(),
                        record.offset());
                return Uni.createFrom().voidItem();
            }
        } else if (record.key() == null || TextRules.containsNul(record.key())) {
            return Uni.createFrom().voidItem();
        }
        T applied = value;
        return pool.withTransaction(c -> write.apply(c, applied).chain(() -> catalog.markFilled(c, readModel)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(20)
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "could not apply %s record %s-%d@%d", readModel, record.topic(),
                            record.partition(), record.offset());
                    return Uni.createFrom().voidItem();
                });
    }

    private <T> T parse(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return json.readValue(record.value(), type);
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** Splits {@code dataAccountId:id}; empty for keys of another shape. */
    private static java.util.Optional<String[]> keyParts(String key) {
        if (key == null) {
            return java.util.Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String[] { key.substring(0, colon), key.substring(colon + 1) });
    }

    /** A record without recordId (a foreign feed) gets one from its position, stable across redeliveries. */
    private static TicketRecord withRecordId(TicketRecord t, ConsumerRecord<String, String> record) {
        return new TicketRecord(record.topic() + "-" + record.partition() + "@" + record.offset(), t.dataAccountId(),
                t.token(), t.ticket(), t.eventId(), t.status(), t.reissuedToken(), t.patronId(), t.firstName(),
                t.lastName(), t.seatInfo(), t.entitledSpecialAreaIds());
    }
}
