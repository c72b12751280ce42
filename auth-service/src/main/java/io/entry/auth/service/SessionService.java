package io.entry.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entry.auth.config.AuthConfig;
import io.entry.auth.repository.CatalogRepository;
import io.entry.auth.repository.DeviceRepository;
import io.entry.auth.repository.OutboxRepository;
import io.entry.auth.repository.SessionRepository;
import io.entry.model.api.CreateLiteSessionRequest;
import io.entry.model.api.CreateSessionRequest;
import io.entry.model.api.SessionResponse;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.Topics;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.security.ApiClient;
import io.entry.runtime.security.ApiKeyGuard;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Create Session and Create Session (Lite) (CONTRACT §3): key check, catalog placement, device registration, the
 * session row and its device-sessions record in one transaction, then the signed token.
 */
@ApplicationScoped
public class SessionService {

    /** Attempts of the registration transaction when two new devices race for the same venue number. */
    static final int REGISTER_ATTEMPTS = 5;

    private final Pool pool;
    private final ApiKeyGuard keys;
    private final CatalogRepository catalog;
    private final DeviceRepository devices;
    private final SessionRepository sessions;
    private final OutboxRepository outbox;
    private final SigningKeys signing;
    private final AuthConfig config;
    private final ObjectMapper json;

    SessionService(Pool pool, ApiKeyGuard keys, CatalogRepository catalog, DeviceRepository devices,
            SessionRepository sessions, OutboxRepository outbox, SigningKeys signing, AuthConfig config,
            ObjectMapper json) {
        this.pool = pool;
        this.keys = keys;
        this.catalog = catalog;
        this.devices = devices;
        this.sessions = sessions;
        this.outbox = outbox;
        this.signing = signing;
        this.config = config;
        this.json = json;
    }

    public Uni<SessionResponse> createFull(String apiKey, CreateSessionRequest request, String requestId) {
        return keys.require(apiKey, request.dataAccountId())
                .flatMap(client -> venue(request.dataAccountId(), request.venueCode())
                        .flatMap(venue -> catalog.layout(venue.dataAccountId(), venue.checkpointLayoutId())
                                .map(layout -> SessionPlacement.of(venue, layout, request.serialNumber(),
                                        request.specialAreaId())))
                        .flatMap(placement -> register(client, request, placement, requestId)));
    }

    public Uni<SessionResponse> createLite(String apiKey, CreateLiteSessionRequest request, String requestId) {
        return keys.require(apiKey, request.dataAccountId())
                .flatMap(client -> venue(request.dataAccountId(), request.venueCode())
                        .flatMap(venue -> {
                            UUID jti = UUID.randomUUID();
                            Instant issuedAt = now();
                            Instant expiresAt = issuedAt.plus(config.jwt().lifetime());
                            ObjectNode claims = SessionTokens.limited(json, config.jwt().issuer(), jti, issuedAt,
                                    expiresAt, request.dataAccountId(), request.serialNumber(), venue,
                                    client.partnerId());
                            // a Lite session registers no device, so it publishes no device-sessions record
                            return sessions.insert(pool, jti, null, request.dataAccountId(), request.serialNumber(),
                                            venue.venueCode(), client.partnerId(), "LIMITED", requestId, issuedAt,
                                            expiresAt)
                                    .map(done -> new SessionResponse(signing.sign(text(claims))));
                        }));
    }

    private Uni<VenueRecord> venue(String dataAccountId, String venueCode) {
        return catalog.venue(dataAccountId, venueCode).map(venue -> {
            if (venue == null) {
                throw ApiException.notFound("venueCode " + venueCode + " is not a venue of dataAccountId "
                        + dataAccountId);
            }
            return venue;
        });
    }

    private Uni<SessionResponse> register(ApiClient client, CreateSessionRequest request, SessionPlacement placement,
            String requestId) {
        UUID jti = UUID.randomUUID();
        Instant issuedAt = now();
        Instant expiresAt = issuedAt.plus(config.jwt().lifetime());
        return pool.withTransaction(tx -> devices.register(tx, request, issuedAt)
                        .flatMap(device -> {
                            String deviceName = placement.deviceName(request.make(), request.model(),
                                    device.deviceNumber());
                            ObjectNode claims = SessionTokens.full(json, config.jwt().issuer(), jti, issuedAt,
                                    expiresAt, request, placement, device.deviceId(), device.deviceNumber(),
                                    deviceName, client.partnerId());
                            DeviceSessionRecord record = sessionRecord(jti, request, placement, device, deviceName,
                                    client.partnerId(), issuedAt);
                            return sessions.insert(tx, jti, device.deviceId(), request.dataAccountId(),
                                            request.serialNumber(), request.venueCode(), client.partnerId(), "FULL",
                                            requestId, issuedAt, expiresAt)
                                    .flatMap(done -> outbox.enqueue(tx, Topics.DEVICE_SESSIONS, record.key(),
                                            DeviceSessionRecord.EVENT_TYPE, DeviceSessionRecord.SCHEMA_VERSION,
                                            requestId, record))
                                    .map(done -> claims);
                        }))
                .onFailure(SessionService::lostDeviceNumberRace).retry().atMost(REGISTER_ATTEMPTS - 1)
                .map(claims -> new SessionResponse(signing.sign(text(claims))));
    }

    static boolean lostDeviceNumberRace(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && String.valueOf(pg.getMessage()).contains(DeviceRepository.VENUE_NUMBER_CONSTRAINT);
    }

    private static DeviceSessionRecord sessionRecord(UUID jti, CreateSessionRequest request,
            SessionPlacement placement, DeviceRepository.Registered device, String deviceName, String partnerId,
            Instant issuedAt) {
        return new DeviceSessionRecord("session:" + jti, DeviceSessionKind.SESSION, request.dataAccountId(),
                request.serialNumber(), device.deviceId(), device.deviceNumber(), deviceName, partnerId, "FULL",
                request.venueCode(),
                placement.layout() == null ? null : placement.layout().checkpointLayoutId(),
                placement.checkpoint() == null ? null : placement.checkpoint().checkpointId(),
                placement.checkpoint() == null ? null : placement.checkpoint().checkpointName(),
                placement.specialArea() == null ? null : placement.specialArea().specialAreaId(),
                placement.specialArea() == null ? null : placement.specialArea().specialAreaName(),
                request.specialAreaName(), request.specialAreaMaxEntryPerTicket(), request.specialAreaMaxCapacity(),
                request.specialAreaRequireEntryExit(), request.make(), request.model(), request.firmwareVersion(),
                request.softwareVersion(), request.macAddress(), request.telemetry(), issuedAt, null);
    }

    private String text(ObjectNode claims) {
        try {
            return json.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
