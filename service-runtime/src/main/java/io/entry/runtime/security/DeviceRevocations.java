package io.entry.runtime.security;

import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code revoked_devices} read model fed by REVOCATION records of {@code entry.device-sessions.v1}, and the
 * lookup the token check uses. One statement per record: a redelivery, or an older revocation of the same device,
 * changes nothing (the latest revocation time wins). SESSION records are not this model's business.
 */
@ApplicationScoped
public class DeviceRevocations {

    static final String UPSERT = """
            INSERT INTO revoked_devices (data_account_id, serial_number, device_id, revoked_at, last_record_id)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (data_account_id, serial_number) DO UPDATE SET device_id = excluded.device_id,
                revoked_at = excluded.revoked_at, last_record_id = excluded.last_record_id
            WHERE revoked_devices.revoked_at < excluded.revoked_at""";

    private final Pool pool;

    DeviceRevocations(Pool pool) {
        this.pool = pool;
    }

    /** Applies a device-sessions record; completes with whether the read model changed. */
    public Uni<Boolean> apply(DeviceSessionRecord record) {
        if (record == null || record.kind() != DeviceSessionKind.REVOCATION || record.revokedAt() == null) {
            return Uni.createFrom().item(false);
        }
        Tuple row = Tuple.tuple()
                .addString(record.dataAccountId())
                .addString(record.serialNumber())
                .addLong(record.deviceId())
                .addOffsetDateTime(record.revokedAt().atOffset(ZoneOffset.UTC))
                .addString(record.recordId());
        return pool.preparedQuery(UPSERT).execute(row).map(result -> result.rowCount() > 0);
    }

    /** When the device was last revoked, or null. */
    public Uni<Instant> revokedAt(String dataAccountId, String serialNumber) {
        return pool.preparedQuery("SELECT revoked_at FROM revoked_devices WHERE data_account_id = $1 AND serial_number = $2")
                .execute(Tuple.of(dataAccountId, serialNumber))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    OffsetDateTime at = it.next().getOffsetDateTime("revoked_at");
                    return at == null ? null : at.toInstant();
                });
    }

    /**
     * A token is refused when it was issued at or before the revocation. {@code iat} has whole seconds, so a token of
     * the revocation's own second is refused too: the safe side.
     */
    public static boolean refuses(Instant revokedAt, long issuedAtEpochSecond) {
        return revokedAt != null && issuedAtEpochSecond <= revokedAt.getEpochSecond();
    }
}
