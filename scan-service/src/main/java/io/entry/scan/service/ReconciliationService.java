package io.entry.scan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.entry.model.events.ConflictCode;
import io.entry.model.events.ReconciliationOutcome;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.ScanReconciliationRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.Topics;
import io.entry.scan.model.ScanArea;
import io.entry.scan.model.TicketRow;
import io.entry.scan.repository.CatalogRepository;
import io.entry.scan.repository.OutboxRepository;
import io.entry.scan.repository.ReconciliationRepository;
import io.entry.scan.repository.ScanHistoryRepository;
import io.entry.scan.repository.ScanStateRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Reconciles one Offline scan (CONTRACT §6) in one transaction: history once per recordId; judged against the
 * ticket's counted admitted scans ordered by scanDateTime, whatever order they arrive in; current state changed only
 * when no later scan of that ticket and area is recorded; one reconciliation record per scan through the outbox
 * (plus one for an earlier-recorded scan that this one turns into a DOUBLE_ENTRY).
 */
@ApplicationScoped
public class ReconciliationService {

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;
    private final CatalogRepository catalog;
    private final ScanHistoryRepository history;
    private final ScanStateRepository state;
    private final ReconciliationRepository reconciliation;
    private final OutboxRepository outbox;

    ReconciliationService(Pool pool, Clock clock, ObjectMapper json, CatalogRepository catalog,
            ScanHistoryRepository history, ScanStateRepository state, ReconciliationRepository reconciliation,
            OutboxRepository outbox) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
        this.catalog = catalog;
        this.history = history;
        this.state = state;
        this.reconciliation = reconciliation;
        this.outbox = outbox;
    }

    private record Verdict(ReconciliationOutcome outcome, ConflictCode code, String conflictingRecordId,
            String message) {

        static Verdict applied(String message) {
            return new Verdict(ReconciliationOutcome.APPLIED, null, null, message);
        }

        static Verdict conflict(ConflictCode code, String other, String message) {
            return new Verdict(ReconciliationOutcome.CONFLICT, code, other, message);
        }
    }

    /** What one offline scan is about. */
    private record OfflineScan(ScanEventRecord record, String account, String token, long areaId,
            OffsetDateTime at) {
    }

    public Uni<ReconciliationOutcome> reconcile(ScanEventRecord r) {
        OfflineScan scan = new OfflineScan(r, r.dataAccountId(), r.token(),
                r.specialAreaId() == null ? ScanArea.VENUE : r.specialAreaId(),
                r.scanDateTime() != null ? r.scanDateTime() : r.receivedAt().atOffset(ZoneOffset.UTC));
        return pool.withTransaction(c -> catalog.ticket(c, scan.account(), scan.token())
                .chain(ticket -> catalog.venueRules(c, scan.account(), r.venueCode(), null)
                        .chain(venue -> history.add(c, historyEntry(scan, ticket.orElse(null), venue.timeZone()))
                                .chain(inserted -> {
                                    if (!inserted) {
                                        return Uni.createFrom().item(new Verdict(ReconciliationOutcome.DUPLICATE,
                                                null, null, "already reconciled"));
                                    }
                                    return requireKnownPlace(c, scan).chain(() -> judge(c, scan, ticket, venue));
                                }))
                        .call(verdict -> publish(c, scan, ticket.map(TicketRow::eventId).orElse(r.eventId()),
                                r.recordId(), verdict)))
                .map(Verdict::outcome));
    }

    /**
     * A special area or checkpoint the catalog of the scan's venue does not have gives no rules to judge by and must
     * not get state: the scan cannot be processed (CONTRACT §6), so it fails the transaction (its history row is
     * rolled back) and the consumer dead-letters it.
     */
    private Uni<Void> requireKnownPlace(SqlConnection c, OfflineScan scan) {
        ScanEventRecord r = scan.record();
        Long areaId = scan.areaId() == ScanArea.VENUE ? null : scan.areaId();
        return catalog.unknownPlace(c, scan.account(), r.venueCode(), areaId, r.checkpointId())
                .map(unknown -> {
                    if (unknown.isPresent()) {
                        throw new UnprocessableScanException(unknown.get() + " is not in the catalog of venue "
                                + r.venueCode());
                    }
                    return null;
                });
    }

    private Uni<Verdict> judge(SqlConnection c, OfflineScan scan, Optional<TicketRow> ticket,
            CatalogRepository.VenueRules venue) {
        ScanEventRecord r = scan.record();
        if (ticket.isEmpty()) {
            return mark(c, scan, Verdict.conflict(ConflictCode.UNKNOWN_TICKET, null, "no such ticket"));
        }
        if (r.status() != ScanStatus.ADMIT || r.testMode()) {
            return Uni.createFrom().item(Verdict.applied("recorded; changes no state"));
        }
        return area(c, scan, venue).chain(area -> r.scanMode() == ScanMode.ENTRY
                ? entry(c, scan, ticket.get(), area)
                : exit(c, scan, area));
    }

    private Uni<ScanArea> area(SqlConnection c, OfflineScan scan, CatalogRepository.VenueRules venue) {
        if (scan.areaId() == ScanArea.VENUE) {
            return Uni.createFrom().item(ScanArea.venue(Boolean.TRUE.equals(venue.allowReentry())));
        }
        // requireKnownPlace has checked that the venue's catalog has the area
        return catalog.specialArea(c, scan.account(), scan.areaId())
                .map(found -> found.orElseThrow(() -> new UnprocessableScanException("special area "
                        + scan.areaId() + " is not in the catalog")));
    }

    private Uni<Verdict> entry(SqlConnection c, OfflineScan scan, TicketRow ticket, ScanArea area) {
        String self = scan.record().recordId();
        return reconciliation.previous(c, scan.account(), scan.token(), scan.areaId(), self, scan.at())
                .chain(previous -> {
                    if (previous.isPresent() && previous.get().scanMode().equals(ScanMode.ENTRY.name())) {
                        return mark(c, scan, Verdict.conflict(ConflictCode.DOUBLE_ENTRY, previous.get().recordId(),
                                "entered again without an exit after scan " + previous.get().recordId()));
                    }
                    return reconciliation.entriesBefore(c, scan.account(), scan.token(), scan.areaId(), self,
                            scan.at()).chain(used -> {
                                if (area.maxEntries() != null && used >= area.maxEntries()) {
                                    return mark(c, scan, Verdict.conflict(ConflictCode.MAX_ENTRIES_EXCEEDED, null,
                                            "entry " + (used + 1) + " of at most " + area.maxEntries()));
                                }
                                return laterEntryBecomesDouble(c, scan, ticket)
                                        .chain(() -> applyEntry(c, scan, ticket, area))
                                        // VOID_ADMITTED and OVER_CAPACITY count as entries but are kept in history
                                        .chain(verdict -> verdict.code() == null ? Uni.createFrom().item(verdict)
                                                : mark(c, scan, verdict));
                            });
                });
    }

    /** This earlier entry arrived last: the later counted entry (online or offline) is the double one. */
    private Uni<Void> laterEntryBecomesDouble(SqlConnection c, OfflineScan scan, TicketRow ticket) {
        String self = scan.record().recordId();
        return reconciliation.next(c, scan.account(), scan.token(), scan.areaId(), self, scan.at())
                .chain(next -> {
                    if (next.isEmpty() || !next.get().scanMode().equals(ScanMode.ENTRY.name())) {
                        return Uni.createFrom().voidItem();
                    }
                    String later = next.get().recordId();
                    Verdict verdict = Verdict.conflict(ConflictCode.DOUBLE_ENTRY, self,
                            "an earlier entry without an exit (scan " + self + ") arrived later");
                    OfflineScan laterScan = new OfflineScan(scan.record(), scan.account(), scan.token(),
                            scan.areaId(), next.get().scannedAt());
                    return reconciliation.markConflict(c, later, ConflictCode.DOUBLE_ENTRY.name())
                            .chain(() -> publish(c, laterScan, ticket.eventId(), later, verdict));
                });
    }

    private Uni<Verdict> applyEntry(SqlConnection c, OfflineScan scan, TicketRow ticket, ScanArea area) {
        Verdict byStatus = ticket.status() == TicketStatus.VALID ? Verdict.applied("entry applied")
                : Verdict.conflict(ConflictCode.VOID_ADMITTED, null, "admitted a ticket that is "
                        + ticket.status().name().toLowerCase());
        return reconciliation.laterScanRecorded(c, scan.account(), scan.token(), scan.areaId(), scan.at())
                .chain(later -> {
                    if (later) {
                        return Uni.createFrom().item(byStatus);
                    }
                    return reconciliation.wasInside(c, scan.account(), scan.token(), scan.areaId())
                            .chain(wasInside -> reconciliation.applyEntry(c, scan.account(), scan.token(),
                                    scan.areaId(), ticket.eventId(), scan.at(), scan.record().checkpointName())
                                    .chain(() -> area.maxCapacity() == null || wasInside
                                            ? Uni.createFrom().item(byStatus)
                                            : state.claimSlot(c, scan.account(), scan.areaId(), scan.token(),
                                                    area.maxCapacity()).chain(claimed -> claimed
                                                            ? Uni.createFrom().item(byStatus)
                                                            : reconciliation.addOverflowSlot(c, scan.account(),
                                                                    scan.areaId(), scan.token())
                                                                    .replaceWith(byStatus.code() != null ? byStatus
                                                                            : Verdict.conflict(
                                                                                    ConflictCode.OVER_CAPACITY, null,
                                                                                    "admitted beyond maxCapacity "
                                                                                            + area.maxCapacity())))));
                });
    }

    private Uni<Verdict> exit(SqlConnection c, OfflineScan scan, ScanArea area) {
        return reconciliation.laterScanRecorded(c, scan.account(), scan.token(), scan.areaId(), scan.at())
                .chain(later -> later ? Uni.createFrom().item(Verdict.applied("exit recorded; a later scan decides"))
                        : state.exitIfInside(c, scan.account(), scan.token(), scan.areaId(), scan.at())
                                .chain(wasInside -> wasInside && area.maxCapacity() != null
                                        ? state.releaseSlot(c, scan.account(), scan.areaId(), scan.token())
                                        : Uni.createFrom().voidItem())
                                .replaceWith(Verdict.applied("exit applied")));
    }

    private Uni<Verdict> mark(SqlConnection c, OfflineScan scan, Verdict verdict) {
        return reconciliation.markConflict(c, scan.record().recordId(), verdict.code().name()).replaceWith(verdict);
    }

    private Uni<Void> publish(SqlConnection c, OfflineScan scan, String eventId, String scanRecordId,
            Verdict verdict) {
        ScanReconciliationRecord record = new ScanReconciliationRecord(UUID.randomUUID().toString(), scanRecordId,
                scan.account(), eventId, scan.token(), scan.areaId() == ScanArea.VENUE ? null : scan.areaId(),
                scan.at(), verdict.outcome(), verdict.code(), verdict.conflictingRecordId(), verdict.message(),
                clock.instant());
        try {
            return outbox.add(c, Topics.SCAN_RECONCILIATIONS, record.key(), ScanReconciliationRecord.EVENT_TYPE,
                    ScanReconciliationRecord.SCHEMA_VERSION, scan.record().requestId(), json.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private ScanHistoryRepository.HistoryEntry historyEntry(OfflineScan scan, TicketRow ticket, String venueZone) {
        ScanEventRecord r = scan.record();
        String zone = venueZone != null ? venueZone
                : scan.at().getOffset().getId().equals("Z") ? "UTC" : scan.at().getOffset().getId();
        ZoneId.of(zone); // fails early (to the DLQ) on a zone that cannot be rendered later
        return new ScanHistoryRepository.HistoryEntry(r.recordId(), ScanSource.OFFLINE, r.requestId(),
                scan.account(), scan.token(), ticket != null ? ticket.eventId() : r.eventId(), r.venueCode(),
                scan.areaId(), r.scanMode(), r.inputType(), r.status(), r.reasonCode(), r.reasonMessage(),
                r.testMode(), scan.at(), r.receivedAt() != null ? r.receivedAt().atOffset(ZoneOffset.UTC)
                        : clock.instant().atOffset(ZoneOffset.UTC),
                zone, r.deviceId(), r.deviceName(), r.serialNumber(), r.checkpointId(), r.checkpointName(),
                r.specialAreaId(), r.specialAreaName());
    }
}
