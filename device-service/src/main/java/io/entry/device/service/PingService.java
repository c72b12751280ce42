package io.entry.device.service;

import io.entry.device.messaging.OutboxEntry;
import io.entry.device.repository.FleetRepository;
import io.entry.device.repository.OutboxRepository;
import io.entry.model.api.PingRequest;
import io.entry.model.api.PingResponse;
import io.entry.model.events.DeviceTelemetryRecord;
import io.entry.model.events.Topics;
import io.entry.runtime.security.SessionClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Ping (CONTRACT §4): stores the ping with the server's time, updates the fleet row and puts a
 * DeviceTelemetryRecord into the outbox, all in one transaction.
 */
@ApplicationScoped
public class PingService {

    private final FleetRepository fleet;
    private final OutboxRepository outbox;
    private final Clock clock;

    PingService(FleetRepository fleet, OutboxRepository outbox, Clock clock) {
        this.fleet = fleet;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<PingResponse> ping(SessionClaims session, PingRequest request, String requestId) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PingRequest body = request != null ? request : new PingRequest(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        DeviceTelemetryRecord record = new DeviceTelemetryRecord(UUID.randomUUID().toString(), session.dataAccountId(),
                session.serialNumber(), session.deviceId(), session.venueCode(), receivedAt, body.geoLocation(),
                body.batteryPercentage(), body.accessoryBatteryPercentage(), Boolean.TRUE.equals(body.testMode()),
                body.telemetry());
        OutboxEntry entry = new OutboxEntry(Topics.DEVICE_TELEMETRY, record.key(), DeviceTelemetryRecord.EVENT_TYPE,
                DeviceTelemetryRecord.SCHEMA_VERSION, requestId, CatalogImporter.json(record));
        return fleet.pool().withTransaction(tx -> fleet.insertPing(tx, record, requestId,
                        CatalogImporter.json(record.telemetry()))
                .flatMap(x -> fleet.applyPing(tx, record))
                .flatMap(x -> outbox.append(tx, List.of(entry))))
                .replaceWith(new PingResponse(null, receivedAt.toString()));
    }
}
