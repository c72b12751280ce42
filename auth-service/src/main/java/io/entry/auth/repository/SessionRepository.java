package io.entry.auth.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Issued sessions, one row per token. */
@ApplicationScoped
public class SessionRepository {

    public Uni<Void> insert(SqlClient tx, UUID jti, Long deviceId, String dataAccountId, String serialNumber,
            String venueCode, String partnerId, String integratorType, String requestId, Instant issuedAt,
            Instant expiresAt) {
        return tx.preparedQuery("""
                INSERT INTO sessions (jti, device_id, data_account_id, serial_number, venue_code, partner_id,
                    integrator_type, request_id, issued_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple().addUUID(jti).addLong(deviceId).addString(dataAccountId)
                        .addString(serialNumber).addString(venueCode).addString(partnerId).addString(integratorType)
                        .addString(requestId).addOffsetDateTime(issuedAt.atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(expiresAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
