package io.entry.scan.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.SeatInfo;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.VenueRecord;
import io.entry.scan.model.ScanArea;
import io.entry.scan.model.TicketRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The catalog and ticket read models. Upserts skip a row whose {@code record_id} already equals the record's, so a
 * redelivered record changes nothing; tickets are written in multi-row statements so 70,000 load in seconds.
 */
@ApplicationScoped
public class CatalogRepository {

    private final ObjectMapper json;

    CatalogRepository(ObjectMapper json) {
        this.json = json;
    }

    // ---- read-model writes

    public Uni<Void> upsertVenue(SqlConnection c, VenueRecord v) {
        return c.preparedQuery("""
                INSERT INTO venue (data_account_id, venue_code, venue_name, time_zone, checkpoint_layout_id, record_id)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (data_account_id, venue_code) DO UPDATE SET venue_name = excluded.venue_name,
                    time_zone = excluded.time_zone, checkpoint_layout_id = excluded.checkpoint_layout_id,
                    record_id = excluded.record_id
                WHERE venue.record_id IS DISTINCT FROM excluded.record_id""")
                .execute(Tuple.from(Arrays.asList(v.dataAccountId(), v.venueCode(), v.venueName(), v.timeZone(),
                        v.checkpointLayoutId(), v.recordId())))
                .replaceWithVoid();
    }

    public Uni<Void> deleteVenue(SqlConnection c, String dataAccountId, String venueCode) {
        return c.preparedQuery("DELETE FROM venue WHERE data_account_id = $1 AND venue_code = $2")
                .execute(Tuple.of(dataAccountId, venueCode)).replaceWithVoid();
    }

    public Uni<Void> upsertEvent(SqlConnection c, EventRecord e) {
        String[] masks = e.barcodeMasks() == null ? new String[0] : e.barcodeMasks().toArray(String[]::new);
        return c.preparedQuery("""
                INSERT INTO event (event_id, data_account_id, venue_code, event_name, start_local, end_local,
                    doors_local, barcode_masks, test, record_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (event_id) DO UPDATE SET data_account_id = excluded.data_account_id,
                    venue_code = excluded.venue_code, event_name = excluded.event_name,
                    start_local = excluded.start_local, end_local = excluded.end_local,
                    doors_local = excluded.doors_local, barcode_masks = excluded.barcode_masks,
                    test = excluded.test, record_id = excluded.record_id
                WHERE event.record_id IS DISTINCT FROM excluded.record_id""")
                .execute(Tuple.from(Arrays.asList(e.eventId(), e.dataAccountId(), e.venueCode(), e.eventName(),
                        e.eventStartDateTime(), e.eventEndDateTime(), e.doorsOpenDateTime(), masks, e.test(),
                        e.recordId())))
                .replaceWithVoid();
    }

    public Uni<Void> deleteEvent(SqlConnection c, String eventId) {
        return c.preparedQuery("DELETE FROM event WHERE event_id = $1").execute(Tuple.of(eventId)).replaceWithVoid();
    }

    /** A layout replaces its checkpoints and special areas; capacity slots follow each area's maxCapacity. */
    public Uni<Void> upsertLayout(SqlConnection c, LayoutRecord l) {
        List<LayoutRecord.Checkpoint> checkpoints = l.checkpoints() == null ? List.of() : l.checkpoints();
        List<LayoutRecord.SpecialArea> areas = l.specialAreas() == null ? List.of() : l.specialAreas();
        Uni<Boolean> changed = c.preparedQuery("""
                INSERT INTO checkpoint_layout (data_account_id, checkpoint_layout_id, venue_code, allow_reentry,
                    default_checkpoint_id, record_id)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (data_account_id, checkpoint_layout_id) DO UPDATE SET venue_code = excluded.venue_code,
                    allow_reentry = excluded.allow_reentry, default_checkpoint_id = excluded.default_checkpoint_id,
                    record_id = excluded.record_id
                WHERE checkpoint_layout.record_id IS DISTINCT FROM excluded.record_id
                RETURNING 1""")
                .execute(Tuple.from(Arrays.asList(l.dataAccountId(), l.checkpointLayoutId(), l.venueCode(),
                        l.allowReentry(), l.defaultCheckpointId(), l.recordId())))
                .map(rows -> rows.rowCount() > 0);
        return changed.chain(isNew -> {
            if (!isNew) {
                return Uni.createFrom().voidItem();
            }
            Long[] checkpointIds = checkpoints.stream().map(LayoutRecord.Checkpoint::checkpointId).toArray(Long[]::new);
            Long[] areaIds = areas.stream().map(LayoutRecord.SpecialArea::specialAreaId).toArray(Long[]::new);
            Uni<Void> steps = c.preparedQuery("""
                    DELETE FROM checkpoint WHERE data_account_id = $1 AND checkpoint_layout_id = $2
                        AND NOT (checkpoint_id = ANY($3))""")
                    .execute(Tuple.of(l.dataAccountId(), l.checkpointLayoutId(), checkpointIds)).replaceWithVoid()
                    .chain(() -> c.preparedQuery("""
                            DELETE FROM special_area WHERE data_account_id = $1 AND checkpoint_layout_id = $2
                                AND NOT (special_area_id = ANY($3))""")
                            .execute(Tuple.of(l.dataAccountId(), l.checkpointLayoutId(), areaIds)).replaceWithVoid());
            for (LayoutRecord.Checkpoint cp : checkpoints) {
                steps = steps.chain(() -> c.preparedQuery("""
                        INSERT INTO checkpoint (data_account_id, checkpoint_id, checkpoint_layout_id, checkpoint_name)
                        VALUES ($1, $2, $3, $4)
                        ON CONFLICT (data_account_id, checkpoint_id) DO UPDATE SET
                            checkpoint_layout_id = excluded.checkpoint_layout_id,
                            checkpoint_name = excluded.checkpoint_name""")
                        .execute(Tuple.of(l.dataAccountId(), cp.checkpointId(), l.checkpointLayoutId(),
                                cp.checkpointName()))
                        .replaceWithVoid());
            }
            for (LayoutRecord.SpecialArea a : areas) {
                steps = steps.chain(() -> upsertArea(c, l, a));
            }
            return steps;
        });
    }

    private Uni<Void> upsertArea(SqlConnection c, LayoutRecord l, LayoutRecord.SpecialArea a) {
        int slots = a.maxCapacity() == null ? 0 : Math.max(0, a.maxCapacity());
        return c.preparedQuery("""
                INSERT INTO special_area (data_account_id, special_area_id, checkpoint_layout_id, special_area_name,
                    max_entry_per_ticket, max_capacity, require_entry_exit, entitlement_required)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (data_account_id, special_area_id) DO UPDATE SET
                    checkpoint_layout_id = excluded.checkpoint_layout_id,
                    special_area_name = excluded.special_area_name,
                    max_entry_per_ticket = excluded.max_entry_per_ticket, max_capacity = excluded.max_capacity,
                    require_entry_exit = excluded.require_entry_exit,
                    entitlement_required = excluded.entitlement_required""")
                .execute(Tuple.from(Arrays.asList(l.dataAccountId(), a.specialAreaId(), l.checkpointLayoutId(),
                        a.specialAreaName(), a.maxEntryPerTicket(), a.maxCapacity(), a.requireEntryExit(),
                        a.entitlementRequired())))
                // slots 1..maxCapacity exist; free ones above it go (held ones are never claimed again: claims
                // only take slot <= max_capacity)
                .chain(() -> c.preparedQuery("""
                        INSERT INTO area_capacity_slot (data_account_id, area_id, slot)
                        SELECT $1, $2, g FROM generate_series(1, $3::int) g
                        ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(l.dataAccountId(), a.specialAreaId(), slots)))
                .chain(() -> c.preparedQuery("""
                        DELETE FROM area_capacity_slot WHERE data_account_id = $1 AND area_id = $2 AND slot > $3
                            AND holder_token IS NULL""")
                        .execute(Tuple.of(l.dataAccountId(), a.specialAreaId(), slots)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteLayout(SqlConnection c, String dataAccountId, long layoutId) {
        Tuple key = Tuple.of(dataAccountId, layoutId);
        return c.preparedQuery("DELETE FROM checkpoint WHERE data_account_id = $1 AND checkpoint_layout_id = $2")
                .execute(key)
                .chain(() -> c.preparedQuery(
                        "DELETE FROM special_area WHERE data_account_id = $1 AND checkpoint_layout_id = $2").execute(key))
                .chain(() -> c.preparedQuery(
                        "DELETE FROM checkpoint_layout WHERE data_account_id = $1 AND checkpoint_layout_id = $2")
                        .execute(key))
                .replaceWithVoid();
    }

    /** Upserts a batch of tickets (one row per key: the caller keeps the last record of each key). */
    public Uni<Integer> upsertTickets(SqlClient c, Collection<TicketRecord> tickets) {
        if (tickets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = tickets.size();
        String[] acc = new String[n], token = new String[n], number = new String[n], event = new String[n],
                status = new String[n], reissued = new String[n], patron = new String[n], first = new String[n],
                last = new String[n], seat = new String[n], entitled = new String[n], recordId = new String[n];
        int i = 0;
        for (TicketRecord t : tickets) {
            acc[i] = t.dataAccountId();
            token[i] = t.token();
            number[i] = t.ticket();
            event[i] = t.eventId();
            status[i] = t.status().name();
            reissued[i] = t.reissuedToken();
            patron[i] = t.patronId();
            first[i] = t.firstName();
            last[i] = t.lastName();
            seat[i] = write(t.seatInfo());
            entitled[i] = write(t.entitledSpecialAreaIds() == null ? List.of() : t.entitledSpecialAreaIds());
            recordId[i] = t.recordId();
            i++;
        }
        return c.preparedQuery("""
                INSERT INTO ticket (data_account_id, token, ticket, event_id, status, reissued_token, patron_id,
                    first_name, last_name, seat_info, entitled_area_ids, record_id)
                SELECT a, t, n, e, s, r, p, f, l, seat::jsonb, ent::jsonb, rid
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) AS x(a, t, n, e, s, r, p, f, l, seat, ent, rid)
                ON CONFLICT (data_account_id, token) DO UPDATE SET ticket = excluded.ticket,
                    event_id = excluded.event_id, status = excluded.status, reissued_token = excluded.reissued_token,
                    patron_id = excluded.patron_id, first_name = excluded.first_name, last_name = excluded.last_name,
                    seat_info = excluded.seat_info, entitled_area_ids = excluded.entitled_area_ids,
                    record_id = excluded.record_id
                WHERE ticket.record_id IS DISTINCT FROM excluded.record_id""")
                .execute(Tuple.from(Arrays.<Object>asList(acc, token, number, event, status, reissued, patron, first,
                        last, seat, entitled, recordId)))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> deleteTickets(SqlClient c, List<String> dataAccountIds, List<String> tokens) {
        if (tokens.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("""
                DELETE FROM ticket t USING unnest($1::text[], $2::text[]) AS k(a, tok)
                WHERE t.data_account_id = k.a AND t.token = k.tok""")
                .execute(Tuple.of(dataAccountIds.toArray(String[]::new), tokens.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> markFilled(SqlClient c, String readModel) {
        return c.preparedQuery("INSERT INTO read_model_filled (name) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(readModel)).replaceWithVoid();
    }

    // ---- reads

    public record VenueRules(String timeZone, String venueName, Boolean allowReentry) {
    }

    /** The venue's zone and name and the re-entry rule of the layout ({@code layoutId} or else the venue's). */
    public Uni<VenueRules> venueRules(SqlClient c, String dataAccountId, String venueCode, Long layoutId) {
        return c.preparedQuery("""
                SELECT v.time_zone, v.venue_name,
                    (SELECT l.allow_reentry FROM checkpoint_layout l WHERE l.data_account_id = $1
                        AND l.checkpoint_layout_id = COALESCE($3, v.checkpoint_layout_id)) AS allow_reentry
                FROM (SELECT 1) one LEFT JOIN venue v ON v.data_account_id = $1 AND v.venue_code = $2""")
                .execute(Tuple.of(dataAccountId, venueCode, layoutId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new VenueRules(r.getString("time_zone"), r.getString("venue_name"),
                            r.getBoolean("allow_reentry"));
                });
    }

    /**
     * Names the first of a special area and a checkpoint (null: not asked) that no checkpoint layout of the venue
     * has, or empty when both are known there.
     */
    public Uni<Optional<String>> unknownPlace(SqlClient c, String dataAccountId, String venueCode, Long areaId,
            Long checkpointId) {
        return c.preparedQuery("""
                SELECT $3::bigint IS NULL OR EXISTS (SELECT 1 FROM special_area a JOIN checkpoint_layout l
                        ON l.data_account_id = a.data_account_id AND l.checkpoint_layout_id = a.checkpoint_layout_id
                        WHERE a.data_account_id = $1 AND a.special_area_id = $3 AND l.venue_code = $2),
                    $4::bigint IS NULL OR EXISTS (SELECT 1 FROM checkpoint p JOIN checkpoint_layout l
                        ON l.data_account_id = p.data_account_id AND l.checkpoint_layout_id = p.checkpoint_layout_id
                        WHERE p.data_account_id = $1 AND p.checkpoint_id = $4 AND l.venue_code = $2)""")
                .execute(Tuple.from(Arrays.asList(dataAccountId, venueCode, areaId, checkpointId)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    if (!r.getBoolean(0)) {
                        return Optional.of("specialAreaId " + areaId);
                    }
                    return r.getBoolean(1) ? Optional.empty() : Optional.of("checkpointId " + checkpointId);
                });
    }

    public Uni<Optional<ScanArea>> specialArea(SqlClient c, String dataAccountId, long areaId) {
        return c.preparedQuery("""
                SELECT special_area_name, max_entry_per_ticket, max_capacity, require_entry_exit, entitlement_required
                FROM special_area WHERE data_account_id = $1 AND special_area_id = $2""")
                .execute(Tuple.of(dataAccountId, areaId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new ScanArea(areaId, r.getString(0), r.getInteger(1), r.getInteger(2),
                            r.getBoolean(3), r.getBoolean(4), false));
                });
    }

    public Uni<Optional<TicketRow>> ticket(SqlClient c, String dataAccountId, String token) {
        return c.preparedQuery("""
                SELECT t.data_account_id, t.token, t.ticket, t.event_id, t.status, t.reissued_token, t.patron_id,
                    t.first_name, t.last_name, t.seat_info::text AS seat, t.entitled_area_ids::text AS entitled,
                    e.event_id AS known_event, e.event_name, e.venue_code, e.start_local, e.end_local, e.doors_local,
                    e.test
                FROM ticket t LEFT JOIN event e ON e.event_id = t.event_id
                WHERE t.data_account_id = $1 AND t.token = $2""")
                .execute(Tuple.of(dataAccountId, token))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTicket(rows.iterator().next())));
    }

    public record EventTimes(String eventId, List<String> masks, LocalDateTime start, LocalDateTime end,
            LocalDateTime doors) {
    }

    /** Events at a venue starting within a few days of {@code around}: the candidates of "today's events". */
    public Multi<EventTimes> eventsNear(SqlClient c, String dataAccountId, String venueCode, LocalDateTime around) {
        return c.preparedQuery("""
                SELECT event_id, barcode_masks, start_local, end_local, doors_local FROM event
                WHERE data_account_id = $1 AND venue_code = $2 AND start_local BETWEEN $3 AND $4""")
                .execute(Tuple.of(dataAccountId, venueCode, around.minusDays(3), around.plusDays(3)))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(r -> new EventTimes(r.getString(0), Arrays.asList(r.getArrayOfStrings(1)),
                        r.getLocalDateTime(2), r.getLocalDateTime(3), r.getLocalDateTime(4)));
    }

    public record EventInfo(String eventId, String dataAccountId, String venueCode, boolean test) {
    }

    public Uni<Optional<EventInfo>> event(SqlClient c, String eventId) {
        return c.preparedQuery("SELECT event_id, data_account_id, venue_code, test FROM event WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next()).map(r -> new EventInfo(r.getString(0), r.getString(1),
                                r.getString(2), r.getBoolean(3))));
    }

    private TicketRow toTicket(Row r) {
        TicketRow.EventRow event = r.getString("known_event") == null ? null
                : new TicketRow.EventRow(r.getString("known_event"), r.getString("event_name"),
                        r.getString("venue_code"), r.getLocalDateTime("start_local"), r.getLocalDateTime("end_local"),
                        r.getLocalDateTime("doors_local"), Boolean.TRUE.equals(r.getBoolean("test")));
        return new TicketRow(r.getString("data_account_id"), r.getString("token"), r.getString("ticket"),
                r.getString("event_id"), TicketStatus.valueOf(r.getString("status")), r.getString("reissued_token"),
                r.getString("patron_id"), r.getString("first_name"), r.getString("last_name"),
                read(r.getString("seat"), SeatInfo.class), readIds(r.getString("entitled")), event);
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private List<Long> readIds(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(Arrays.asList(json.readValue(text, Long[].class)));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
