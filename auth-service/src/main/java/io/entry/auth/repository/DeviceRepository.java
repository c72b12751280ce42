package io.entry.auth.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.CreateSessionRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Devices registered by Create Session (CONTRACT §3). */
@ApplicationScoped
public class DeviceRepository {

    /** Postgres' unique-violation state and the constraint of per-venue device numbers. */
    public static final String VENUE_NUMBER_CONSTRAINT = "devices_venue_number_key";

    public record Registered(long deviceId, int deviceNumber) {
    }

    public record Revoked(long deviceId, Integer deviceNumber, String venueCode, Instant revokedAt) {
    }

    /**
     * One statement: a new device gets the venue's next number; a known device keeps its id, and its number while it
     * stays in the venue, else the next number of its new venue. {@link #register} holds a per-venue lock so two new
     * devices cannot compute the same number; should they anyway, {@value #VENUE_NUMBER_CONSTRAINT} refuses the
     * second and the caller retries its transaction.
     */
    static final String REGISTER = """
            INSERT INTO devices (data_account_id, serial_number, venue_code, device_number, make, model,
                firmware_version, software_version, mac_address, software_mode, accessory_serial_number,
                accessory_firmware, accessory_model, accessory_make, declared_special_area_id,
                declared_special_area_name, declared_special_area_max_entry_per_ticket,
                declared_special_area_max_capacity, declared_special_area_require_entry_exit, telemetry, last_session_at)
            VALUES ($1, $2, $3,
                (SELECT coalesce(max(device_number), 0) + 1 FROM devices WHERE data_account_id = $1 AND venue_code = $3),
                $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20)
            ON CONFLICT (data_account_id, serial_number) DO UPDATE SET
                device_number = CASE WHEN devices.venue_code = excluded.venue_code
                                     THEN devices.device_number ELSE excluded.device_number END,
                venue_code = excluded.venue_code, make = excluded.make, model = excluded.model,
                firmware_version = excluded.firmware_version, software_version = excluded.software_version,
                mac_address = excluded.mac_address, software_mode = excluded.software_mode,
                accessory_serial_number = excluded.accessory_serial_number,
                accessory_firmware = excluded.accessory_firmware, accessory_model = excluded.accessory_model,
                accessory_make = excluded.accessory_make,
                declared_special_area_id = excluded.declared_special_area_id,
                declared_special_area_name = excluded.declared_special_area_name,
                declared_special_area_max_entry_per_ticket = excluded.declared_special_area_max_entry_per_ticket,
                declared_special_area_max_capacity = excluded.declared_special_area_max_capacity,
                declared_special_area_require_entry_exit = excluded.declared_special_area_require_entry_exit,
                telemetry = excluded.telemetry, last_session_at = excluded.last_session_at
            RETURNING device_id, device_number""";

    private final ObjectMapper json;

    DeviceRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Registered> register(SqlClient tx, CreateSessionRequest request, Instant now) {
        String telemetry;
        try {
            telemetry = json.writeValueAsString(request.telemetry());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Tuple values = Tuple.tuple()
                .addString(request.dataAccountId()).addString(request.serialNumber()).addString(request.venueCode())
                .addString(request.make()).addString(request.model())
                .addString(request.firmwareVersion()).addString(request.softwareVersion())
                .addString(request.macAddress())
                .addString(request.softwareMode() == null ? null : request.softwareMode().wire())
                .addString(request.accessorySerialNumber()).addString(request.accessoryFirmware())
                .addString(request.accessoryModel()).addString(request.accessoryMake())
                .addLong(request.specialAreaId()).addString(request.specialAreaName())
                .addInteger(request.specialAreaMaxEntryPerTicket()).addInteger(request.specialAreaMaxCapacity())
                .addBoolean(request.specialAreaRequireEntryExit())
                .addValue(new io.vertx.core.json.JsonObject(telemetry))
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        // Sessions of one venue take their device numbers one at a time (a lock held until commit), so a rush of new
        // devices never computes the same number; the unique constraint stays as the guarantee.
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))")
                .execute(Tuple.of(request.dataAccountId(), request.venueCode()))
                .chain(() -> tx.preparedQuery(REGISTER).execute(values)).map(rows -> {
            Row row = rows.iterator().next();
            return new Registered(row.getLong("device_id"), row.getInteger("device_number"));
        });
    }

    /** Marks the device revoked now; null when the account has no such device. */
    public Uni<Revoked> revoke(SqlClient tx, String dataAccountId, String serialNumber) {
        return tx.preparedQuery("""
                UPDATE devices SET revoked_at = now() WHERE data_account_id = $1 AND serial_number = $2
                RETURNING device_id, device_number, venue_code, revoked_at""")
                .execute(Tuple.of(dataAccountId, serialNumber))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    OffsetDateTime at = row.getOffsetDateTime("revoked_at");
                    return new Revoked(row.getLong("device_id"), row.getInteger("device_number"),
                            row.getString("venue_code"), at.toInstant());
                });
    }
}
