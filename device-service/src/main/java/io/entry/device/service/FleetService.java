package io.entry.device.service;

import io.entry.device.config.DeviceServiceConfig;
import io.entry.device.repository.CatalogRepository;
import io.entry.device.repository.FleetRepository;
import io.entry.model.admin.FleetView;
import io.entry.model.events.DeviceSessionKind;
import io.entry.model.events.DeviceSessionRecord;
import io.entry.model.events.ScanEventRecord;
import io.entry.model.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live state of the device fleet: applies device sessions and scan events (idempotently, by recordId in the
 * same transaction) and renders a venue's fleet with each device's status by last-seen age.
 */
@ApplicationScoped
public class FleetService {

    private final FleetRepository fleet;
    private final CatalogRepository catalog;
    private final DeviceServiceConfig config;
    private final Clock clock;

    FleetService(FleetRepository fleet, CatalogRepository catalog, DeviceServiceConfig config, Clock clock) {
        this.fleet = fleet;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
    }

    /** Applies a device-sessions record once; completes with false when it was a redelivery. */
    public Uni<Boolean> applySession(DeviceSessionRecord record) {
        return fleet.pool().withTransaction(tx -> fleet.firstDelivery(tx, record.recordId(), Topics.DEVICE_SESSIONS)
                .flatMap(first -> {
                    if (!first) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> applied = record.kind() == DeviceSessionKind.REVOCATION
                            ? fleet.applyRevocation(tx, record) : fleet.applySession(tx, record);
                    return applied.replaceWith(true);
                }));
    }

    /** Applies a scan event's last-seen and telemetry once; completes with false when it was a redelivery. */
    public Uni<Boolean> applyScan(ScanEventRecord record) {
        Instant seenAt = record.receivedAt() != null ? record.receivedAt()
                : record.scanDateTime() != null ? record.scanDateTime().toInstant() : null;
        if (seenAt == null) {
            return Uni.createFrom().item(false);
        }
        return fleet.pool().withTransaction(tx -> fleet.firstDelivery(tx, record.recordId(), Topics.SCAN_EVENTS)
                .flatMap(first -> first ? fleet.applyScan(tx, record, seenAt).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }

    public Uni<FleetView> view(String dataAccountId, String venueCode) {
        Instant now = clock.instant();
        return catalog.areasOfVenue(dataAccountId, venueCode).flatMap(areas -> fleet.devicesOfVenue(dataAccountId,
                venueCode).map(rows -> {
                    List<FleetView.Device> devices = new ArrayList<>();
                    for (FleetRepository.FleetRow r : rows) {
                        devices.add(new FleetView.Device(r.serialNumber(), r.deviceId(), r.deviceName(),
                                r.venueCode(), r.checkpointId(), r.checkpointName(), r.specialAreaId(),
                                r.specialAreaName(), r.make(), r.model(), r.firmwareVersion(), r.softwareVersion(),
                                r.softwareMode(), r.accessorySerialNumber(), r.accessoryFirmware(), r.lastSeenAt(),
                                r.lastSeenSource(), r.batteryPercentage(), r.accessoryBatteryPercentage(),
                                r.geoLocation(), r.networkType(), r.networkSignal(), status(r.lastSeenAt(), now),
                                r.revokedAt() != null, mismatches(r, areas)));
                    }
                    return new FleetView(dataAccountId, venueCode, now, devices);
                }));
    }

    FleetView.Status status(Instant lastSeen, Instant now) {
        if (lastSeen == null) {
            return FleetView.Status.OFFLINE;
        }
        Duration age = Duration.between(lastSeen, now);
        if (age.compareTo(config.fleet().onlineWithin()) <= 0) {
            return FleetView.Status.ONLINE;
        }
        return age.compareTo(config.fleet().staleWithin()) <= 0 ? FleetView.Status.STALE : FleetView.Status.OFFLINE;
    }

    /** Where the device's declared special-area configuration differs from the catalog's (declared fields only). */
    static List<String> mismatches(FleetRepository.FleetRow r, Map<Long, CatalogRepository.StoredArea> areas) {
        List<String> out = new ArrayList<>();
        if (r.specialAreaId() == null) {
            return out;
        }
        CatalogRepository.StoredArea area = areas.get(r.specialAreaId());
        if (area == null) {
            out.add("specialAreaId " + r.specialAreaId() + " is not a special area of the venue's layout");
            return out;
        }
        compare(out, "specialAreaName", r.declaredSpecialAreaName(), area.name());
        compare(out, "specialAreaMaxEntryPerTicket", r.declaredMaxEntryPerTicket(), area.maxEntryPerTicket());
        compare(out, "specialAreaMaxCapacity", r.declaredMaxCapacity(), area.maxCapacity());
        compare(out, "specialAreaRequireEntryExit", r.declaredRequireEntryExit(), area.requireEntryExit());
        return out;
    }

    private static void compare(List<String> out, String field, Object declared, Object catalog) {
        if (declared != null && !Objects.equals(declared, catalog)) {
            out.add(field + ": device declares " + declared + ", catalog has " + catalog);
        }
    }
}
