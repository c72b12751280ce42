package io.entry.auth.service;

import io.entry.auth.repository.DeviceRepository;
import io.entry.auth.repository.OutboxRepository;
import io.entry.model.admin.DeviceRevocationResponse;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.Topics;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Revokes a lost device (CONTRACT §3): the REVOCATION record on {@code entry.device-sessions.v1} makes every service
 * refuse the device's tokens issued up to now.
 */
@ApplicationScoped
public class DeviceRevocationService {

    private final Pool pool;
    private final DeviceRepository devices;
    private final OutboxRepository outbox;

    DeviceRevocationService(Pool pool, DeviceRepository devices, OutboxRepository outbox) {
        this.pool = pool;
        this.devices = devices;
        this.outbox = outbox;
    }

    public Uni<DeviceRevocationResponse> revoke(String dataAccountId, String serialNumber, String requestId) {
        return pool.withTransaction(tx -> devices.revoke(tx, dataAccountId, serialNumber).flatMap(revoked -> {
            if (revoked == null) {
                return Uni.createFrom().failure(ApiException.notFound(
                        "no device " + serialNumber + " in dataAccountId " + dataAccountId));
            }
            DeviceSessionRecord record = new DeviceSessionRecord(
                    "revocation:" + revoked.deviceId() + ":" + revoked.revokedAt().toEpochMilli(),
                    DeviceSessionKind.REVOCATION, dataAccountId, serialNumber, revoked.deviceId(),
                    revoked.deviceNumber(), null, null, null, revoked.venueCode(), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, revoked.revokedAt());
            return outbox.enqueue(tx, Topics.DEVICE_SESSIONS, record.key(), DeviceSessionRecord.EVENT_TYPE,
                            DeviceSessionRecord.SCHEMA_VERSION, requestId, record)
                    .replaceWith(new DeviceRevocationResponse(dataAccountId, serialNumber, revoked.deviceId(),
                            revoked.revokedAt()));
        }));
    }
}
