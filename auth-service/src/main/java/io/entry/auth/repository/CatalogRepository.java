package io.entry.auth.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** auth-service's read model of the catalog's venues and layouts (CONTRACT §7, published by device-service). */
@ApplicationScoped
public class CatalogRepository {

    public static final String READ_MODEL = "catalog";

    private final Pool pool;
    private final ObjectMapper json;

    CatalogRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<VenueRecord> venue(String dataAccountId, String venueCode) {
        return pool.preparedQuery("""
                SELECT venue_name, time_zone, checkpoint_layout_id FROM catalog_venues
                WHERE data_account_id = $1 AND venue_code = $2""")
                .execute(Tuple.of(dataAccountId, venueCode))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new VenueRecord(null, dataAccountId, venueCode, row.getString("venue_name"),
                            row.getString("time_zone"), row.getLong("checkpoint_layout_id"));
                });
    }

    public Uni<LayoutRecord> layout(String dataAccountId, Long checkpointLayoutId) {
        if (checkpointLayoutId == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("""
                SELECT layout::text AS layout FROM catalog_layouts
                WHERE data_account_id = $1 AND checkpoint_layout_id = $2""")
                .execute(Tuple.of(dataAccountId, checkpointLayoutId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? parse(it.next().getString("layout")) : null;
                });
    }

    /** Registers the record id; false when it was applied before (redelivery). */
    public Uni<Boolean> firstDelivery(SqlClient tx, String recordId) {
        return tx.preparedQuery("INSERT INTO consumed_records (record_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(recordId)).map(result -> result.rowCount() == 1);
    }

    public Uni<Void> upsertVenue(SqlClient tx, VenueRecord venue) {
        return tx.preparedQuery("""
                INSERT INTO catalog_venues (data_account_id, venue_code, venue_name, time_zone, checkpoint_layout_id)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (data_account_id, venue_code) DO UPDATE SET venue_name = excluded.venue_name,
                    time_zone = excluded.time_zone, checkpoint_layout_id = excluded.checkpoint_layout_id""")
                .execute(Tuple.of(venue.dataAccountId(), venue.venueCode(), venue.venueName(), venue.timeZone(),
                        venue.checkpointLayoutId()))
                .replaceWithVoid();
    }

    public Uni<Void> deleteVenue(SqlClient tx, String dataAccountId, String venueCode) {
        return tx.preparedQuery("DELETE FROM catalog_venues WHERE data_account_id = $1 AND venue_code = $2")
                .execute(Tuple.of(dataAccountId, venueCode)).replaceWithVoid();
    }

    public Uni<Void> upsertLayout(SqlClient tx, LayoutRecord layout) {
        String text;
        try {
            text = json.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery("""
                INSERT INTO catalog_layouts (data_account_id, checkpoint_layout_id, venue_code, layout)
                VALUES ($1, $2, $3, $4::jsonb)
                ON CONFLICT (data_account_id, checkpoint_layout_id) DO UPDATE SET venue_code = excluded.venue_code,
                    layout = excluded.layout""")
                .execute(Tuple.of(layout.dataAccountId(), layout.checkpointLayoutId(), layout.venueCode(),
                        new io.vertx.core.json.JsonObject(text)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteLayout(SqlClient tx, String dataAccountId, long checkpointLayoutId) {
        return tx.preparedQuery("DELETE FROM catalog_layouts WHERE data_account_id = $1 AND checkpoint_layout_id = $2")
                .execute(Tuple.of(dataAccountId, checkpointLayoutId)).replaceWithVoid();
    }

    public Uni<Void> markFilled(SqlClient tx) {
        return tx.preparedQuery("INSERT INTO read_model_state (name) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(READ_MODEL)).replaceWithVoid();
    }

    public Uni<Boolean> filled() {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM read_model_state WHERE name = $1) AS filled")
                .execute(Tuple.of(READ_MODEL)).map(rows -> rows.iterator().next().getBoolean("filled"));
    }

    private LayoutRecord parse(String text) {
        try {
            return json.readValue(text, LayoutRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable layout in the read model", e);
        }
    }
}
