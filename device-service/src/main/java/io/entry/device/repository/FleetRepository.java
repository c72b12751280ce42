package io.entry.device.repository;

import io.entry.model.api.DeviceTelemetry;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.DeviceTelemetryRecord;
import io.entry.model.events.ScanEventRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The device fleet: one row per (account, serial). Sessions set identity and placement (a session older than the
 * one stored changes nothing); pings and scans set last seen and telemetry, the newest observation winning
 * whatever order records arrive in. Every rule is in the SQL, never read-then-write.
 */
@ApplicationScoped
public class FleetRepository {

    /** A fleet row as the admin view needs it. */
    public record FleetRow(String dataAccountId, String serialNumber, Long deviceId, String deviceName,
            String venueCode, Long checkpointId, String checkpointName, Long specialAreaId, String specialAreaName,
            String declaredSpecialAreaName, Integer declaredMaxEntryPerTicket, Integer declaredMaxCapacity,
            Boolean declaredRequireEntryExit, String make, String model, String firmwareVersion,
            String softwareVersion, String softwareMode, String accessorySerialNumber, String accessoryFirmware,
            Instant lastSeenAt, String lastSeenSource, BigDecimal batteryPercentage,
            BigDecimal accessoryBatteryPercentage, String geoLocation, String networkType, String networkSignal,
            Instant revokedAt) {
    }

    private final Pool pool;

    FleetRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** Claims a record id for this consumer; false when it was applied before (a redelivery). */
    public Uni<Boolean> firstDelivery(SqlClient tx, String recordId, String topic) {
        return tx.preparedQuery("""
                INSERT INTO processed_records (record_id, topic) VALUES ($1, $2)
                ON CONFLICT (record_id) DO NOTHING RETURNING record_id""")
                .execute(Tuple.of(recordId, topic)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> applySession(SqlClient tx, DeviceSessionRecord s) {
        DeviceTelemetry t = s.telemetry();
        Tuple row = Tuple.tuple().addString(s.dataAccountId()).addString(s.serialNumber()).addLong(s.deviceId())
                .addString(s.deviceName()).addString(s.venueCode()).addLong(s.checkpointLayoutId())
                .addLong(s.checkpointId()).addString(s.checkpointName()).addLong(s.specialAreaId())
                .addString(s.specialAreaName()).addString(s.declaredSpecialAreaName())
                .addInteger(s.declaredSpecialAreaMaxEntryPerTicket()).addInteger(s.declaredSpecialAreaMaxCapacity())
                .addBoolean(s.declaredSpecialAreaRequireEntryExit()).addString(s.make()).addString(s.model())
                .addString(s.firmwareVersion()).addString(s.softwareVersion())
                .addString(t == null || t.softwareMode() == null ? null : t.softwareMode().wire())
                .addString(t == null ? null : t.accessorySerialNumber())
                .addString(t == null ? null : t.accessoryFirmware())
                .addOffsetDateTime(utc(s.issuedAt()));
        return tx.preparedQuery("""
                INSERT INTO fleet_devices (data_account_id, serial_number, device_id, device_name, venue_code,
                    checkpoint_layout_id, checkpoint_id, checkpoint_name, special_area_id, special_area_name,
                    declared_special_area_name, declared_max_entry_per_ticket, declared_max_capacity,
                    declared_require_entry_exit, make, model, firmware_version, software_version, software_mode,
                    accessory_serial_number, accessory_firmware, session_issued_at, last_seen_at, last_seen_source)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21, $22, $22, 'session')
                ON CONFLICT (data_account_id, serial_number) DO UPDATE SET
                    device_id = excluded.device_id, device_name = excluded.device_name,
                    venue_code = excluded.venue_code, checkpoint_layout_id = excluded.checkpoint_layout_id,
                    checkpoint_id = excluded.checkpoint_id, checkpoint_name = excluded.checkpoint_name,
                    special_area_id = excluded.special_area_id, special_area_name = excluded.special_area_name,
                    declared_special_area_name = excluded.declared_special_area_name,
                    declared_max_entry_per_ticket = excluded.declared_max_entry_per_ticket,
                    declared_max_capacity = excluded.declared_max_capacity,
                    declared_require_entry_exit = excluded.declared_require_entry_exit,
                    make = excluded.make, model = excluded.model, firmware_version = excluded.firmware_version,
                    software_version = excluded.software_version, software_mode = excluded.software_mode,
                    accessory_serial_number = excluded.accessory_serial_number,
                    accessory_firmware = excluded.accessory_firmware,
                    session_issued_at = excluded.session_issued_at,
                    last_seen_source = CASE WHEN fleet_devices.last_seen_at IS NULL
                        OR excluded.last_seen_at >= fleet_devices.last_seen_at THEN 'session'
                        ELSE fleet_devices.last_seen_source END,
                    last_seen_at = GREATEST(fleet_devices.last_seen_at, excluded.last_seen_at)
                WHERE fleet_devices.session_issued_at IS NULL
                   OR excluded.session_issued_at IS NULL
                   OR excluded.session_issued_at >= fleet_devices.session_issued_at""")
                .execute(row).replaceWithVoid();
    }

    public Uni<Void> applyRevocation(SqlClient tx, DeviceSessionRecord s) {
        return tx.preparedQuery("""
                INSERT INTO fleet_devices (data_account_id, serial_number, device_id, revoked_at)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (data_account_id, serial_number) DO UPDATE SET
                    revoked_at = GREATEST(fleet_devices.revoked_at, excluded.revoked_at)""")
                .execute(Tuple.tuple().addString(s.dataAccountId()).addString(s.serialNumber()).addLong(s.deviceId())
                        .addOffsetDateTime(utc(s.revokedAt() != null ? s.revokedAt() : s.issuedAt())))
                .replaceWithVoid();
    }

    /** Last seen and telemetry from a scan; identity fields only fill gaps (sessions own them). */
    public Uni<Void> applyScan(SqlClient tx, ScanEventRecord s, Instant seenAt) {
        DeviceTelemetry t = s.telemetry();
        return observe(tx, s.dataAccountId(), s.serialNumber(), s.deviceId(), s.deviceName(), s.venueCode(),
                s.checkpointId(), s.checkpointName(), seenAt, "scan", null, null, null, t, null);
    }

    public Uni<Void> applyPing(SqlClient tx, DeviceTelemetryRecord p) {
        return observe(tx, p.dataAccountId(), p.serialNumber(), p.deviceId(), null, p.venueCode(), null, null,
                p.receivedAt(), "ping", p.batteryPercentage(), p.accessoryBatteryPercentage(), p.geoLocation(),
                p.telemetry(), p.testMode());
    }

    private Uni<Void> observe(SqlClient tx, String account, String serial, Long deviceId, String deviceName,
            String venueCode, Long checkpointId, String checkpointName, Instant seenAt, String source,
            BigDecimal battery, BigDecimal accessoryBattery, String geo, DeviceTelemetry t, Boolean testMode) {
        Tuple row = Tuple.tuple().addString(account).addString(serial).addLong(deviceId).addString(deviceName)
                .addString(venueCode).addLong(checkpointId).addString(checkpointName)
                .addOffsetDateTime(utc(seenAt)).addString(source).addBigDecimal(battery).addBigDecimal(accessoryBattery)
                .addString(geo)
                .addString(t == null || t.networkType() == null ? null : t.networkType().wire())
                .addString(t == null ? null : t.networkSignal())
                .addBoolean(testMode);
        // "newer" = observed at or after what is stored; an older observation changes nothing but gaps
        return tx.preparedQuery("""
                INSERT INTO fleet_devices (data_account_id, serial_number, device_id, device_name, venue_code,
                    checkpoint_id, checkpoint_name, last_seen_at, last_seen_source, battery_percentage,
                    accessory_battery_percentage, geo_location, network_type, network_signal, test_mode)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                ON CONFLICT (data_account_id, serial_number) DO UPDATE SET
                    device_id = COALESCE(fleet_devices.device_id, excluded.device_id),
                    device_name = COALESCE(fleet_devices.device_name, excluded.device_name),
                    venue_code = COALESCE(fleet_devices.venue_code, excluded.venue_code),
                    checkpoint_id = COALESCE(fleet_devices.checkpoint_id, excluded.checkpoint_id),
                    checkpoint_name = COALESCE(fleet_devices.checkpoint_name, excluded.checkpoint_name),
                    battery_percentage = CASE WHEN excluded.battery_percentage IS NOT NULL AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at)
                        THEN excluded.battery_percentage ELSE fleet_devices.battery_percentage END,
                    accessory_battery_percentage = CASE WHEN excluded.accessory_battery_percentage IS NOT NULL
                        AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at) THEN excluded.accessory_battery_percentage
                        ELSE fleet_devices.accessory_battery_percentage END,
                    geo_location = CASE WHEN excluded.geo_location IS NOT NULL AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at)
                        THEN excluded.geo_location ELSE fleet_devices.geo_location END,
                    network_type = CASE WHEN excluded.network_type IS NOT NULL AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at)
                        THEN excluded.network_type ELSE fleet_devices.network_type END,
                    network_signal = CASE WHEN excluded.network_signal IS NOT NULL AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at)
                        THEN excluded.network_signal ELSE fleet_devices.network_signal END,
                    test_mode = CASE WHEN excluded.test_mode IS NOT NULL AND (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at)
                        THEN excluded.test_mode ELSE fleet_devices.test_mode END,
                    last_seen_source = CASE WHEN (fleet_devices.last_seen_at IS NULL OR excluded.last_seen_at >= fleet_devices.last_seen_at) THEN excluded.last_seen_source
                        ELSE fleet_devices.last_seen_source END,
                    last_seen_at = GREATEST(fleet_devices.last_seen_at, excluded.last_seen_at)""")
                .execute(row).replaceWithVoid();
    }

    public Uni<Void> insertPing(SqlClient tx, DeviceTelemetryRecord p, String requestId, String telemetryJson) {
        return tx.preparedQuery("""
                INSERT INTO pings (data_account_id, serial_number, device_id, venue_code, received_at, request_id,
                    geo_location, battery_percentage, accessory_battery_percentage, test_mode, telemetry)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
                .execute(Tuple.tuple().addString(p.dataAccountId()).addString(p.serialNumber()).addLong(p.deviceId())
                        .addString(p.venueCode()).addOffsetDateTime(utc(p.receivedAt())).addString(requestId)
                        .addString(p.geoLocation()).addBigDecimal(p.batteryPercentage())
                        .addBigDecimal(p.accessoryBatteryPercentage()).addBoolean(p.testMode())
                        .addString(telemetryJson))
                .replaceWithVoid();
    }

    public Uni<List<FleetRow>> devicesOfVenue(String dataAccountId, String venueCode) {
        return pool.preparedQuery("""
                SELECT * FROM fleet_devices WHERE data_account_id = $1 AND venue_code = $2
                ORDER BY device_name NULLS LAST, serial_number""")
                .execute(Tuple.of(dataAccountId, venueCode))
                .map(rows -> {
                    List<FleetRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new FleetRow(r.getString("data_account_id"), r.getString("serial_number"),
                                r.getLong("device_id"), r.getString("device_name"), r.getString("venue_code"),
                                r.getLong("checkpoint_id"), r.getString("checkpoint_name"),
                                r.getLong("special_area_id"), r.getString("special_area_name"),
                                r.getString("declared_special_area_name"),
                                r.getInteger("declared_max_entry_per_ticket"), r.getInteger("declared_max_capacity"),
                                r.getBoolean("declared_require_entry_exit"), r.getString("make"),
                                r.getString("model"), r.getString("firmware_version"),
                                r.getString("software_version"), r.getString("software_mode"),
                                r.getString("accessory_serial_number"), r.getString("accessory_firmware"),
                                instant(r.getOffsetDateTime("last_seen_at")), r.getString("last_seen_source"),
                                r.getBigDecimal("battery_percentage"),
                                r.getBigDecimal("accessory_battery_percentage"), r.getString("geo_location"),
                                r.getString("network_type"), r.getString("network_signal"),
                                instant(r.getOffsetDateTime("revoked_at"))));
                    }
                    return out;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
