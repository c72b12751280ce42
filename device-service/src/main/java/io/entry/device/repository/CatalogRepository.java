package io.entry.device.repository;

import io.entry.device.service.CatalogValidator;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog tables. Upserts are batched (one round trip per table) and return only the rows that were new or
 * whose content changed ({@code WHERE content_hash IS DISTINCT FROM ...}), so unchanged entities are not
 * republished.
 */
@ApplicationScoped
public class CatalogRepository {

    /** An event row with the venue it belongs to. */
    public record StoredEvent(EventRecord event, String venueName, String timeZone) {
    }

    /** An NFC key row, private key still sealed. */
    public record StoredNfcKey(String dataAccountId, String wallet, String keyRef, String passTypeIdentifier,
            String keyId, String collectorId, Integer keyVersion, byte[] sealed) {
    }

    /** The catalog's special area for a venue's current layout. */
    public record StoredArea(long specialAreaId, String name, Integer maxEntryPerTicket, Integer maxCapacity,
            boolean requireEntryExit) {
    }

    private final Pool pool;

    CatalogRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    public Uni<CatalogValidator.Existing> existing(SqlClient tx) {
        Uni<Set<String>> venues = tx.query("SELECT data_account_id || ':' || venue_code AS k FROM venues").execute()
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(r -> keys.add(r.getString("k")));
                    return keys;
                });
        Uni<Map<String, String>> layouts = tx.query("""
                SELECT data_account_id || ':' || checkpoint_layout_id AS k, data_account_id || ':' || venue_code AS v
                FROM layouts""").execute()
                .map(rows -> {
                    Map<String, String> byKey = new HashMap<>();
                    rows.forEach(r -> byKey.put(r.getString("k"), r.getString("v")));
                    return byKey;
                });
        return venues.flatMap(v -> layouts.map(l -> new CatalogValidator.Existing(v, l)));
    }

    public Uni<Set<String>> upsertVenues(SqlClient tx, List<VenueRecord> venues, List<String> hashes) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < venues.size(); i++) {
            VenueRecord v = venues.get(i);
            rows.add(Tuple.of(v.dataAccountId(), v.venueCode(), v.venueName(), v.timeZone(), v.checkpointLayoutId(),
                    hashes.get(i)));
        }
        return changedKeys(tx, """
                INSERT INTO venues (data_account_id, venue_code, venue_name, time_zone, checkpoint_layout_id, content_hash)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (data_account_id, venue_code) DO UPDATE SET venue_name = excluded.venue_name,
                    time_zone = excluded.time_zone, checkpoint_layout_id = excluded.checkpoint_layout_id,
                    content_hash = excluded.content_hash, updated_at = now()
                WHERE venues.content_hash IS DISTINCT FROM excluded.content_hash
                RETURNING data_account_id || ':' || venue_code AS k""", rows);
    }

    public Uni<Set<String>> upsertLayouts(SqlClient tx, List<LayoutRecord> layouts, List<String> documents,
            List<String> hashes) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            LayoutRecord l = layouts.get(i);
            rows.add(Tuple.tuple().addString(l.dataAccountId()).addLong(l.checkpointLayoutId())
                    .addString(l.checkpointLayoutName()).addString(l.checkpointLayoutCode()).addString(l.venueCode())
                    .addBoolean(l.allowReentry()).addLong(l.defaultCheckpointId()).addString(documents.get(i))
                    .addString(hashes.get(i)));
        }
        return changedKeys(tx, """
                INSERT INTO layouts (data_account_id, checkpoint_layout_id, checkpoint_layout_name,
                    checkpoint_layout_code, venue_code, allow_reentry, default_checkpoint_id, document, content_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (data_account_id, checkpoint_layout_id) DO UPDATE SET
                    checkpoint_layout_name = excluded.checkpoint_layout_name,
                    checkpoint_layout_code = excluded.checkpoint_layout_code, venue_code = excluded.venue_code,
                    allow_reentry = excluded.allow_reentry, default_checkpoint_id = excluded.default_checkpoint_id,
                    document = excluded.document, content_hash = excluded.content_hash, updated_at = now()
                WHERE layouts.content_hash IS DISTINCT FROM excluded.content_hash
                RETURNING data_account_id || ':' || checkpoint_layout_id AS k""", rows);
    }

    /** Replaces checkpoints, special areas and device assignments of the given (changed) layouts. */
    public Uni<Void> replaceLayoutChildren(SqlClient tx, List<LayoutRecord> layouts) {
        if (layouts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> keys = new ArrayList<>();
        List<Tuple> checkpoints = new ArrayList<>();
        List<Tuple> areas = new ArrayList<>();
        List<Tuple> assignments = new ArrayList<>();
        for (LayoutRecord l : layouts) {
            keys.add(Tuple.of(l.dataAccountId(), l.checkpointLayoutId()));
            for (LayoutRecord.Checkpoint c : orEmpty(l.checkpoints())) {
                checkpoints.add(Tuple.of(l.dataAccountId(), l.checkpointLayoutId(), c.checkpointId(), c.checkpointName()));
            }
            for (LayoutRecord.SpecialArea a : orEmpty(l.specialAreas())) {
                areas.add(Tuple.tuple().addString(l.dataAccountId()).addLong(l.checkpointLayoutId())
                        .addLong(a.specialAreaId()).addString(a.specialAreaName()).addInteger(a.maxEntryPerTicket())
                        .addInteger(a.maxCapacity()).addBoolean(a.requireEntryExit())
                        .addBoolean(a.entitlementRequired()));
            }
            for (LayoutRecord.DeviceAssignment d : orEmpty(l.deviceAssignments())) {
                assignments.add(Tuple.tuple().addString(l.dataAccountId()).addLong(l.checkpointLayoutId())
                        .addString(d.serialNumber()).addString(d.deviceName()).addLong(d.checkpointId()));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : List.of("checkpoints", "special_areas", "device_assignments")) {
            chain = chain.flatMap(x -> tx.preparedQuery("DELETE FROM " + table
                    + " WHERE data_account_id = $1 AND checkpoint_layout_id = $2").executeBatch(keys).replaceWithVoid());
        }
        return chain
                .flatMap(x -> batch(tx, """
                        INSERT INTO checkpoints (data_account_id, checkpoint_layout_id, checkpoint_id, checkpoint_name)
                        VALUES ($1, $2, $3, $4)""", checkpoints))
                .flatMap(x -> batch(tx, """
                        INSERT INTO special_areas (data_account_id, checkpoint_layout_id, special_area_id,
                            special_area_name, max_entry_per_ticket, max_capacity, require_entry_exit, entitlement_required)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""", areas))
                .flatMap(x -> batch(tx, """
                        INSERT INTO device_assignments (data_account_id, checkpoint_layout_id, serial_number,
                            device_name, checkpoint_id)
                        VALUES ($1, $2, $3, $4, $5)""", assignments));
    }

    public Uni<Set<String>> upsertEvents(SqlClient tx, List<EventRecord> events, List<String> masksJson,
            List<String> hashes) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            rows.add(Tuple.tuple().addString(e.eventId()).addString(e.dataAccountId()).addString(e.seasonCd())
                    .addString(e.eventCd()).addString(e.eventName()).addString(e.venueCode())
                    .addLocalDateTime(e.eventStartDateTime()).addLocalDateTime(e.eventEndDateTime())
                    .addLocalDateTime(e.doorsOpenDateTime()).addString(masksJson.get(i)).addBoolean(e.test())
                    .addString(hashes.get(i)));
        }
        return changedKeys(tx, """
                INSERT INTO events (event_id, data_account_id, season_cd, event_cd, event_name, venue_code,
                    event_start, event_end, doors_open, barcode_masks, test, content_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (event_id) DO UPDATE SET event_name = excluded.event_name,
                    venue_code = excluded.venue_code, event_start = excluded.event_start,
                    event_end = excluded.event_end, doors_open = excluded.doors_open,
                    barcode_masks = excluded.barcode_masks, test = excluded.test,
                    content_hash = excluded.content_hash, updated_at = now()
                WHERE events.content_hash IS DISTINCT FROM excluded.content_hash
                RETURNING event_id AS k""", rows);
    }

    public Uni<Void> upsertNfcKeys(SqlClient tx, List<StoredNfcKey> keys) {
        List<Tuple> rows = new ArrayList<>();
        for (StoredNfcKey k : keys) {
            rows.add(Tuple.tuple().addString(k.dataAccountId()).addString(k.wallet()).addString(k.keyRef())
                    .addString(k.passTypeIdentifier()).addString(k.keyId()).addString(k.collectorId())
                    .addInteger(k.keyVersion()).addValue(io.vertx.core.buffer.Buffer.buffer(k.sealed())));
        }
        return batch(tx, """
                INSERT INTO nfc_keys (data_account_id, wallet, key_ref, pass_type_identifier, key_id, collector_id,
                    key_version, private_key_sealed, content_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '')
                ON CONFLICT (data_account_id, wallet, key_ref) DO UPDATE SET
                    pass_type_identifier = excluded.pass_type_identifier, key_id = excluded.key_id,
                    collector_id = excluded.collector_id, key_version = excluded.key_version,
                    private_key_sealed = excluded.private_key_sealed, updated_at = now()""", rows);
    }

    public Uni<Void> recordImport(SqlClient tx, String requestId, int venues, int layouts, int events, int keys,
            int published) {
        return tx.preparedQuery("""
                INSERT INTO catalog_imports (request_id, venues, layouts, events, nfc_keys, published)
                VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(requestId, venues, layouts, events, keys, published)).replaceWithVoid();
    }

    // ---------------------------------------------------------------- reads

    /** True once the catalog holds anything: device-service's read model is "filled" (CONTRACT §2). */
    public Uni<Boolean> catalogPresent() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM catalog_imports) OR EXISTS (SELECT 1 FROM venues) AS present")
                .execute().map(rows -> rows.iterator().next().getBoolean("present"));
    }

    public Uni<VenueRecord> venue(String dataAccountId, String venueCode) {
        return pool.preparedQuery("SELECT * FROM venues WHERE data_account_id = $1 AND venue_code = $2")
                .execute(Tuple.of(dataAccountId, venueCode))
                .map(rows -> rows.iterator().hasNext() ? venue(rows.iterator().next()) : null);
    }

    public Uni<List<VenueRecord>> venues(String dataAccountId) {
        String sql = dataAccountId == null ? "SELECT * FROM venues ORDER BY data_account_id, venue_code"
                : "SELECT * FROM venues WHERE data_account_id = $1 ORDER BY venue_code";
        Uni<RowSet<Row>> rows = dataAccountId == null ? pool.query(sql).execute()
                : pool.preparedQuery(sql).execute(Tuple.of(dataAccountId));
        return rows.map(set -> {
            List<VenueRecord> venues = new ArrayList<>();
            set.forEach(r -> venues.add(venue(r)));
            return venues;
        });
    }

    public Uni<List<String>> layoutDocuments() {
        return pool.query("SELECT document FROM layouts ORDER BY data_account_id, checkpoint_layout_id").execute()
                .map(set -> {
                    List<String> docs = new ArrayList<>();
                    set.forEach(r -> docs.add(r.getString("document")));
                    return docs;
                });
    }

    /**
     * Events of a venue whose times lie near the venue-local range [from, to): a coarse filter, the caller
     * decides exactly with the zone (CONTRACT §4 "Time").
     */
    public Uni<List<StoredEvent>> eventsNear(String dataAccountId, String venueCode, LocalDateTime from,
            LocalDateTime to) {
        return pool.preparedQuery("""
                SELECT e.*, v.venue_name, v.time_zone FROM events e
                JOIN venues v ON v.data_account_id = e.data_account_id AND v.venue_code = e.venue_code
                WHERE e.data_account_id = $1 AND e.venue_code = $2
                  AND LEAST(COALESCE(e.doors_open, e.event_start - interval '2 hours'), e.event_start) < $4
                  AND GREATEST(COALESCE(e.event_end, e.event_start + interval '4 hours'), e.event_start)
                      + interval '2 hours' > $3
                ORDER BY e.event_start, e.event_id""")
                .execute(Tuple.of(dataAccountId, venueCode, from, to))
                .map(CatalogRepository::events);
    }

    public Uni<List<StoredEvent>> allEvents() {
        return pool.query("""
                SELECT e.*, v.venue_name, v.time_zone FROM events e
                JOIN venues v ON v.data_account_id = e.data_account_id AND v.venue_code = e.venue_code
                ORDER BY e.data_account_id, e.event_start, e.event_id""").execute().map(CatalogRepository::events);
    }

    public Uni<StoredEvent> event(String eventId) {
        return pool.preparedQuery("""
                SELECT e.*, v.venue_name, v.time_zone FROM events e
                JOIN venues v ON v.data_account_id = e.data_account_id AND v.venue_code = e.venue_code
                WHERE e.event_id = $1""").execute(Tuple.of(eventId))
                .map(set -> {
                    List<StoredEvent> events = events(set);
                    return events.isEmpty() ? null : events.get(0);
                });
    }

    public Uni<List<StoredNfcKey>> nfcKeys(SqlClient tx, String dataAccountId) {
        return tx.preparedQuery("SELECT * FROM nfc_keys WHERE data_account_id = $1 ORDER BY wallet, key_ref")
                .execute(Tuple.of(dataAccountId))
                .map(set -> {
                    List<StoredNfcKey> keys = new ArrayList<>();
                    for (Row r : set) {
                        keys.add(new StoredNfcKey(r.getString("data_account_id"), r.getString("wallet"),
                                r.getString("key_ref"), r.getString("pass_type_identifier"), r.getString("key_id"),
                                r.getString("collector_id"), r.getInteger("key_version"),
                                r.getBuffer("private_key_sealed").getBytes()));
                    }
                    return keys;
                });
    }

    public Uni<Void> recordDisclosure(SqlClient tx, String dataAccountId, String serialNumber, Long deviceId,
            String requestId, int keyCount, java.time.OffsetDateTime at) {
        return tx.preparedQuery("""
                INSERT INTO nfc_key_disclosures (data_account_id, serial_number, device_id, request_id, key_count,
                    disclosed_at) VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.tuple().addString(dataAccountId).addString(serialNumber).addLong(deviceId)
                        .addString(requestId).addInteger(keyCount).addOffsetDateTime(at))
                .replaceWithVoid();
    }

    /** The special areas of a venue's current layout, by id. */
    public Uni<Map<Long, StoredArea>> areasOfVenue(String dataAccountId, String venueCode) {
        return pool.preparedQuery("""
                SELECT a.* FROM special_areas a
                JOIN venues v ON v.data_account_id = a.data_account_id AND v.checkpoint_layout_id = a.checkpoint_layout_id
                WHERE v.data_account_id = $1 AND v.venue_code = $2""").execute(Tuple.of(dataAccountId, venueCode))
                .map(set -> {
                    Map<Long, StoredArea> byId = new HashMap<>();
                    for (Row r : set) {
                        byId.put(r.getLong("special_area_id"), new StoredArea(r.getLong("special_area_id"),
                                r.getString("special_area_name"), r.getInteger("max_entry_per_ticket"),
                                r.getInteger("max_capacity"), r.getBoolean("require_entry_exit")));
                    }
                    return byId;
                });
    }

    // ---------------------------------------------------------------- helpers

    private static VenueRecord venue(Row r) {
        return new VenueRecord(null, r.getString("data_account_id"), r.getString("venue_code"),
                r.getString("venue_name"), r.getString("time_zone"), r.getLong("checkpoint_layout_id"));
    }

    private static List<StoredEvent> events(RowSet<Row> set) {
        List<StoredEvent> events = new ArrayList<>();
        for (Row r : set) {
            EventRecord e = new EventRecord(null, r.getString("event_id"), r.getString("data_account_id"),
                    r.getString("season_cd"), r.getString("event_cd"), r.getString("event_name"),
                    r.getString("venue_code"), r.getLocalDateTime("event_start"), r.getLocalDateTime("event_end"),
                    r.getLocalDateTime("doors_open"), MasksJson.read(r.getString("barcode_masks")),
                    r.getBoolean("test"));
            events.add(new StoredEvent(e, r.getString("venue_name"), r.getString("time_zone")));
        }
        return events;
    }

    private static Uni<Set<String>> changedKeys(SqlClient tx, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery(sql).executeBatch(rows).map(first -> {
            Set<String> keys = new HashSet<>();
            for (RowSet<Row> set = first; set != null; set = set.next()) {
                set.forEach(r -> keys.add(r.getString("k")));
            }
            return keys;
        });
    }

    private static Uni<Void> batch(SqlClient tx, String sql, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
