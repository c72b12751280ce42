package io.entry.offline.repository;

import io.entry.offline.model.CatalogEvent;
import io.entry.offline.model.DeviceAssignment;
import io.entry.offline.model.VenuePlaces;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read models this service keeps of other services' topics (catalog events and venues, devices; API clients
 * are kept by service-runtime's ApiClientProjection),
 * plus the idempotency and "filled once" bookkeeping of their consumers.
 */
@ApplicationScoped
@WithSession
public class ReadModelRepository {

    public Uni<CatalogEvent> event(String eventId) {
        return NativeSql.rows("SELECT e.event_id, e.data_account_id, e.season_cd, e.event_cd, e.venue_code, v.time_zone, "
                + "e.event_start "
                + "FROM catalog_events e LEFT JOIN catalog_venues v "
                + "ON v.data_account_id = e.data_account_id AND v.venue_code = e.venue_code WHERE e.event_id = ?1", eventId)
                .map(rows -> rows.isEmpty() ? null : toEvent(rows.get(0)));
    }

    public Uni<DeviceAssignment> device(String dataAccountId, String serialNumber) {
        return NativeSql.rows("SELECT device_id, device_name, checkpoint_id, checkpoint_name, special_area_id, "
                + "special_area_name, (revoked_at IS NOT NULL AND (issued_at IS NULL OR issued_at <= revoked_at)) "
                + "FROM devices WHERE data_account_id = ?1 AND serial_number = ?2", dataAccountId, serialNumber)
                .map(rows -> rows.isEmpty() ? null : toDevice(rows.get(0)));
    }

    /** Records a recordId as applied; false when it already was (a redelivery to drop). */
    public Uni<Boolean> firstDelivery(String recordId) {
        return NativeSql.update("INSERT INTO processed_records (record_id) VALUES (?1) ON CONFLICT DO NOTHING", recordId)
                .map(count -> count == 1);
    }

    public Uni<Void> upsertEvent(String eventId, String dataAccountId, String seasonCd, String eventCd, String venueCode,
            LocalDateTime eventStart) {
        return NativeSql.update("INSERT INTO catalog_events (event_id, data_account_id, season_cd, event_cd, venue_code, "
                + "event_start) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (event_id) DO UPDATE SET "
                + "data_account_id = EXCLUDED.data_account_id, season_cd = EXCLUDED.season_cd, "
                + "event_cd = EXCLUDED.event_cd, venue_code = EXCLUDED.venue_code, event_start = EXCLUDED.event_start",
                eventId, dataAccountId, seasonCd, eventCd, venueCode, eventStart).replaceWithVoid();
    }

    /** Replaces a layout whole; ids travel as comma-separated text (no array binding through the native query). */
    public Uni<Void> upsertLayout(String dataAccountId, long layoutId, String venueCode, String checkpointIds,
            String specialAreaIds) {
        return NativeSql.update("INSERT INTO catalog_layouts (data_account_id, checkpoint_layout_id, venue_code, "
                + "checkpoint_ids, special_area_ids) VALUES (?1, ?2, ?3, string_to_array(?4, ',')::bigint[], "
                + "string_to_array(?5, ',')::bigint[]) ON CONFLICT (data_account_id, checkpoint_layout_id) DO UPDATE SET "
                + "venue_code = EXCLUDED.venue_code, checkpoint_ids = EXCLUDED.checkpoint_ids, "
                + "special_area_ids = EXCLUDED.special_area_ids",
                dataAccountId, layoutId, venueCode, checkpointIds, specialAreaIds).replaceWithVoid();
    }

    public Uni<Void> deleteLayout(String dataAccountId, long layoutId) {
        return NativeSql.update("DELETE FROM catalog_layouts WHERE data_account_id = ?1 AND checkpoint_layout_id = ?2",
                dataAccountId, layoutId).replaceWithVoid();
    }

    /** Every checkpoint and special area id the venue's layouts know. */
    public Uni<VenuePlaces> venuePlaces(String dataAccountId, String venueCode) {
        return NativeSql.rows("SELECT 'C', unnest(checkpoint_ids) FROM catalog_layouts WHERE data_account_id = ?1 "
                + "AND venue_code = ?2 UNION SELECT 'S', unnest(special_area_ids) FROM catalog_layouts "
                + "WHERE data_account_id = ?1 AND venue_code = ?2", dataAccountId, venueCode)
                .map(rows -> new VenuePlaces(
                        rows.stream().filter(r -> "C".equals(String.valueOf(r[0]))).map(r -> toLong(r[1])).collect(Collectors.toSet()),
                        rows.stream().filter(r -> "S".equals(String.valueOf(r[0]))).map(r -> toLong(r[1])).collect(Collectors.toSet())));
    }

    public Uni<Void> deleteEvent(String eventId) {
        return NativeSql.update("DELETE FROM catalog_events WHERE event_id = ?1", eventId).replaceWithVoid();
    }

    public Uni<Void> upsertVenue(String dataAccountId, String venueCode, String timeZone) {
        return NativeSql.update("INSERT INTO catalog_venues (data_account_id, venue_code, time_zone) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (data_account_id, venue_code) DO UPDATE SET time_zone = EXCLUDED.time_zone",
                dataAccountId, venueCode, timeZone).replaceWithVoid();
    }

    public Uni<Void> deleteVenue(String dataAccountId, String venueCode) {
        return NativeSql.update("DELETE FROM catalog_venues WHERE data_account_id = ?1 AND venue_code = ?2",
                dataAccountId, venueCode).replaceWithVoid();
    }

    /** A session replaces the device's assignment; a revocation received earlier stays recorded. */
    public Uni<Void> recordSession(String dataAccountId, String serialNumber, Long deviceId, String deviceName,
            Long checkpointId, String checkpointName, Long specialAreaId, String specialAreaName, Instant issuedAt) {
        return NativeSql.update("INSERT INTO devices (data_account_id, serial_number, device_id, device_name, checkpoint_id, "
                + "checkpoint_name, special_area_id, special_area_name, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                + "ON CONFLICT (data_account_id, serial_number) DO UPDATE SET device_id = EXCLUDED.device_id, "
                + "device_name = EXCLUDED.device_name, checkpoint_id = EXCLUDED.checkpoint_id, "
                + "checkpoint_name = EXCLUDED.checkpoint_name, special_area_id = EXCLUDED.special_area_id, "
                + "special_area_name = EXCLUDED.special_area_name, "
                + "issued_at = GREATEST(devices.issued_at, EXCLUDED.issued_at)",
                dataAccountId, serialNumber, deviceId, deviceName, checkpointId, checkpointName, specialAreaId,
                specialAreaName, issuedAt).replaceWithVoid();
    }

    public Uni<Void> recordRevocation(String dataAccountId, String serialNumber, Instant revokedAt) {
        return NativeSql.update("INSERT INTO devices (data_account_id, serial_number, revoked_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (data_account_id, serial_number) DO UPDATE SET "
                + "revoked_at = GREATEST(devices.revoked_at, EXCLUDED.revoked_at)",
                dataAccountId, serialNumber, revokedAt).replaceWithVoid();
    }

    public Uni<Set<String>> filledReadModels() {
        return NativeSql.rows("SELECT name, filled_at FROM read_model_state")
                .map(rows -> rows.stream().map(row -> (String) row[0]).collect(Collectors.toSet()));
    }

    public Uni<Void> markFilled(String name) {
        return NativeSql.update("INSERT INTO read_model_state (name, filled_at) VALUES (?1, now()) ON CONFLICT DO NOTHING",
                name).replaceWithVoid();
    }

    private static CatalogEvent toEvent(Object[] row) {
        return new CatalogEvent((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], toLocalDateTime(row[6]));
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    private static DeviceAssignment toDevice(Object[] row) {
        return new DeviceAssignment(toLong(row[0]), (String) row[1], toLong(row[2]), (String) row[3], toLong(row[4]),
                (String) row[5], Boolean.TRUE.equals(row[6]));
    }

    private static Long toLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
