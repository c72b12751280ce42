package io.entry.scan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.InputType;
import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ValidateScanRequest;
import io.entry.model.api.ValidateScanResponse;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.Topics;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.ApiException;
import io.entry.scan.config.ScanConfig;
import io.entry.scan.model.ScanArea;
import io.entry.scan.model.TicketRow;
import io.entry.scan.repository.CatalogRepository;
import io.entry.scan.repository.OutboxRepository;
import io.entry.scan.repository.ScanHistoryRepository;
import io.entry.scan.repository.ScanRequestRepository;
import io.entry.scan.repository.ScanStateRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Validate Scan (CONTRACT §5). One transaction per scan: retry claim, decision, state change, history row, outbox
 * row and stored answer commit together. The catalog rules are read; the state rules (pairing, entry limits,
 * capacity) are conditional statements whose result is the decision.
 */
@ApplicationScoped
public class ValidateScanService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;
    private final ScanConfig config;
    private final ReadModelReadiness readiness;
    private final CatalogRepository catalog;
    private final ScanStateRepository state;
    private final ScanHistoryRepository history;
    private final OutboxRepository outbox;
    private final ScanRequestRepository requests;

    ValidateScanService(Pool pool, Clock clock, ObjectMapper json, ScanConfig config, ReadModelReadiness readiness,
            CatalogRepository catalog, ScanStateRepository state, ScanHistoryRepository history,
            OutboxRepository outbox, ScanRequestRepository requests) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.readiness = readiness;
        this.catalog = catalog;
        this.state = state;
        this.history = history;
        this.outbox = outbox;
        this.requests = requests;
    }

    /** What a scan was decided against: where, by whom, when. */
    private record Scan(SessionClaims session, ValidateScanRequest request, String requestId, Instant now,
            ZoneId zone, ScanArea area, boolean testMode) {

        OffsetDateTime at() {
            return now.atOffset(ZoneOffset.UTC);
        }
    }

    private record Decision(ReasonCode code, String message, TicketRow ticket) {

        static Decision of(ReasonCode code, TicketRow ticket) {
            return new Decision(code, code.defaultMessage(), ticket);
        }
    }

    public Uni<ValidateScanResponse> validate(SessionClaims session, ValidateScanRequest request, String requestId) {
        String deviceKey = session.deviceId() != null ? "device:" + session.deviceId()
                : "serial:" + session.dataAccountId() + ":" + session.serialNumber();
        String bodyHash = hash(request);
        Instant now = clock.instant();
        return readiness.requireReady().chain(() -> pool.withTransaction(c -> requests
                .claim(c, deviceKey, requestId, bodyHash, now.atOffset(ZoneOffset.UTC), config.retryWindow())
                .chain(first -> first.isPresent()
                        ? Uni.createFrom().item(replay(first.get(), bodyHash, requestId))
                        : decideAndRecord(c, session, request, requestId, now)
                                .call(response -> requests.storeAnswer(c, deviceKey, requestId, response.eventId(),
                                        write(response))))));
    }

    private ValidateScanResponse replay(ScanRequestRepository.FirstAnswer first, String bodyHash, String requestId) {
        if (!first.bodyHash().equals(bodyHash) || first.response() == null) {
            throw ApiException.conflict("PAC-Request-Id " + requestId
                    + " was already used by this device for a different scan");
        }
        try {
            return json.readValue(first.response(), ValidateScanResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable", e);
        }
    }

    private Uni<ValidateScanResponse> decideAndRecord(SqlConnection c, SessionClaims session,
            ValidateScanRequest request, String requestId, Instant now) {
        String account = session.dataAccountId();
        return catalog.venueRules(c, account, session.venueCode(), session.checkpointLayoutId())
                .chain(venue -> {
                    ZoneId zone = zone(venue.timeZone(), session.venueTimezone());
                    Uni<ScanArea> area = session.specialAreaId() == null
                            ? Uni.createFrom().item(ScanArea.venue(Boolean.TRUE.equals(venue.allowReentry())))
                            : catalog.specialArea(c, account, session.specialAreaId())
                                    .map(found -> found.orElseThrow(() -> ApiException.forbidden("special area "
                                            + session.specialAreaId() + " of this session is not in the catalog")));
                    return area.map(a -> new Scan(session, request, requestId, now, zone, a,
                            Boolean.TRUE.equals(request.testMode())));
                })
                .chain(scan -> catalog.ticket(c, account, request.token())
                        .chain(ticket -> ticket.isEmpty() ? unknownTicket(c, scan)
                                : decideKnown(c, scan, ticket.get()))
                        .chain(decision -> record(c, scan, decision)));
    }

    private Uni<Decision> unknownTicket(SqlConnection c, Scan scan) {
        if (scan.request().inputType() != InputType.BARCODE) {
            return Uni.createFrom().item(Decision.of(ReasonCode.NOT_FOUND, null));
        }
        String token = scan.request().token();
        return catalog.eventsNear(c, scan.session().dataAccountId(), scan.session().venueCode(),
                        scan.now().atZone(scan.zone()).toLocalDateTime())
                .filter(e -> EventWindow.of(e.start(), e.end(), e.doors(), scan.zone()).isToday(scan.now(), scan.zone()))
                .filter(e -> BarcodeMasks.matchesAny(e.masks(), token))
                .collect().first()
                .map(match -> Decision.of(match == null ? ReasonCode.INVALID_FORMAT : ReasonCode.NOT_FOUND, null));
    }

    private Uni<Decision> decideKnown(SqlConnection c, Scan scan, TicketRow ticket) {
        boolean entry = scan.request().scanMode() == ScanMode.ENTRY;
        if (entry && ticket.status() == TicketStatus.VOID) {
            return done(Decision.of(ReasonCode.VOID, ticket));
        }
        if (entry && ticket.status() == TicketStatus.REISSUED) {
            return done(Decision.of(ReasonCode.REISSUED, ticket));
        }
        TicketRow.EventRow event = ticket.event();
        EventWindow window = event == null ? null
                : EventWindow.of(event.start(), event.end(), event.doors(), scan.zone());
        if (event == null || !event.venueCode().equals(scan.session().venueCode())
                || !window.isToday(scan.now(), scan.zone())) {
            return done(Decision.of(ReasonCode.WRONG_EVENT, ticket));
        }
        if (!entry) {
            return exit(c, scan, ticket);
        }
        if (!window.contains(scan.now())) {
            return done(Decision.of(window.notOpenYet(scan.now()) ? ReasonCode.TOO_EARLY : ReasonCode.TOO_LATE, ticket));
        }
        ScanArea area = scan.area();
        if (area.entitlementRequired() && !ticket.entitledAreaIds().contains(area.areaId())) {
            return done(Decision.of(ReasonCode.NOT_ENTITLED, ticket));
        }
        return enter(c, scan, ticket);
    }

    private Uni<Decision> enter(SqlConnection c, Scan scan, TicketRow ticket) {
        ScanArea area = scan.area();
        String account = ticket.dataAccountId();
        return state.savepoint(c)
                .chain(() -> state.tryEnter(c, account, ticket.token(), area.areaId(), ticket.eventId(),
                        area.pairingRequired(), area.maxEntries(), scan.at(), scan.session().checkpointName()))
                .chain(entered -> {
                    if (entered.isEmpty()) {
                        return state.state(c, account, ticket.token(), area.areaId())
                                .map(now -> refusal(scan, ticket, now.orElse(null)))
                                .call(() -> state.rollbackToSavepoint(c));
                    }
                    boolean wasInside = entered.get();
                    Uni<Boolean> capacity = area.maxCapacity() == null || wasInside
                            ? Uni.createFrom().item(true)
                            : state.claimSlot(c, account, area.areaId(), ticket.token(), area.maxCapacity());
                    return capacity.chain(admitted -> {
                        Decision decision = Decision.of(admitted ? ReasonCode.OK : ReasonCode.AREA_FULL, ticket);
                        return !admitted || scan.testMode()
                                ? state.rollbackToSavepoint(c).replaceWith(decision)
                                : Uni.createFrom().item(decision);
                    });
                });
    }

    private Decision refusal(Scan scan, TicketRow ticket, ScanStateRepository.StateSnapshot now) {
        if (now != null && now.inside() && scan.area().pairingRequired()) {
            String when = now.lastEntryAt() == null ? "" : " at " + now.lastEntryAt().atZoneSameInstant(scan.zone())
                    .format(WHEN);
            String where = now.lastEntryCheckpoint() == null ? "" : " (" + now.lastEntryCheckpoint() + ")";
            return new Decision(ReasonCode.ALREADY_SCANNED, "Ticket already scanned" + when + where, ticket);
        }
        return Decision.of(ReasonCode.MAX_ENTRIES_REACHED, ticket);
    }

    private Uni<Decision> exit(SqlConnection c, Scan scan, TicketRow ticket) {
        ScanArea area = scan.area();
        String account = ticket.dataAccountId();
        return state.savepoint(c)
                .chain(() -> state.exitIfInside(c, account, ticket.token(), area.areaId(), scan.at()))
                .chain(wasInside -> {
                    if (!wasInside) {
                        return done(Decision.of(area.exitNeedsInside() ? ReasonCode.NOT_INSIDE : ReasonCode.EXIT_OK,
                                ticket));
                    }
                    Uni<Void> release = area.maxCapacity() == null ? Uni.createFrom().voidItem()
                            : state.releaseSlot(c, account, area.areaId(), ticket.token());
                    Decision decision = Decision.of(ReasonCode.EXIT_OK, ticket);
                    return release.chain(() -> scan.testMode() ? state.rollbackToSavepoint(c)
                            : Uni.createFrom().voidItem()).replaceWith(decision);
                });
    }

    /** Stores the decision in history and the outbox, in the caller's transaction, and builds the answer. */
    private Uni<ValidateScanResponse> record(SqlConnection c, Scan scan, Decision decision) {
        SessionClaims s = scan.session();
        ValidateScanRequest r = scan.request();
        TicketRow t = decision.ticket();
        TicketRow.EventRow event = t == null ? null : t.event();
        String eventId = t == null ? null : t.eventId();
        String recordId = UUID.randomUUID().toString();
        String areaName = scan.area().isVenue() ? null
                : scan.area().name() != null ? scan.area().name() : s.specialAreaName();
        ReasonCode code = decision.code();
        ScanHistoryRepository.HistoryEntry entry = new ScanHistoryRepository.HistoryEntry(recordId, ScanSource.ONLINE,
                scan.requestId(), s.dataAccountId(), r.token(), eventId, s.venueCode(), scan.area().areaId(),
                r.scanMode(), r.inputType(), code.status(), code, decision.message(), scan.testMode(), scan.at(),
                scan.at(), scan.zone().getId(), s.deviceId(), s.deviceName(), s.serialNumber(), s.checkpointId(),
                s.checkpointName(), scan.area().isVenue() ? null : scan.area().areaId(), areaName);
        ScanEventRecord event_ = new ScanEventRecord(recordId, ScanSource.ONLINE, scan.requestId(), s.dataAccountId(),
                s.venueCode(), eventId, r.token(), t == null ? null : t.ticketNumber(), r.scanMode(), r.inputType(),
                r.nfcType(), r.barcodeType(), scan.testMode(), code.status(), code, decision.message(),
                scan.now().atZone(scan.zone()).toOffsetDateTime(), scan.now(), s.deviceId(), s.deviceName(),
                s.serialNumber(), s.checkpointId(), s.checkpointName(),
                scan.area().isVenue() ? null : scan.area().areaId(), areaName, null, null, null, r.telemetry());
        ValidateScanResponse response = new ValidateScanResponse(code.status(), code, decision.message(), eventId,
                event == null ? null : event.eventName(), r.token(), t == null ? null : t.ticketNumber(),
                t == null ? null : t.patronId(), t == null ? null : t.firstName(), t == null ? null : t.lastName(),
                scan.testMode(), t == null ? null : t.seatInfo());
        return history.add(c, entry)
                .chain(() -> outbox.add(c, Topics.SCAN_EVENTS, event_.key(), ScanEventRecord.EVENT_TYPE,
                        ScanEventRecord.SCHEMA_VERSION, scan.requestId(), write(event_)))
                .replaceWith(response);
    }

    private static Uni<Decision> done(Decision decision) {
        return Uni.createFrom().item(decision);
    }

    private static ZoneId zone(String catalogZone, String tokenZone) {
        for (String candidate : new String[] { catalogZone, tokenZone }) {
            if (candidate != null) {
                try {
                    return ZoneId.of(candidate);
                } catch (RuntimeException unknownZone) {
                    // try the next one
                }
            }
        }
        return ZoneOffset.UTC;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(ValidateScanRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
