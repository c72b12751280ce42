package io.entry.offline.service;

import io.entry.model.api.OfflineScan;
import io.entry.model.api.OfflineUploadResponse.Rejected;
import io.entry.offline.model.VenuePlaces;
import io.entry.offline.service.UploadDecoder.DecodedUpload;
import io.entry.offline.service.UploadDecoder.IndexedScan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The checks of offline items against the catalog (CONTRACT §6), after the decoder's own: a checkpoint or special
 * area the device's venue does not have, and a scanDateTime outside the plausible window. Pure logic; the verdict
 * is stored with the upload (rejected_json), so the replayer never needs to judge again.
 */
public final class UploadScreening {

    /** A device clock may run ahead; a scan further in the future than this is not a real scan. */
    public static final Duration MAX_AHEAD = Duration.ofHours(24);
    /** Scans from the day before the event's day on (doors may open early, devices may be set up the day before). */
    public static final int DAYS_BEFORE_EVENT = 1;

    private UploadScreening() {
    }

    /**
     * @param eventDay the event's venue-local start day, null when the catalog does not say (no lower bound then)
     */
    public static DecodedUpload screen(DecodedUpload decoded, VenuePlaces places, Instant receivedAt, LocalDate eventDay,
            ZoneId venueZone) {
        Instant latest = receivedAt.plus(MAX_AHEAD);
        LocalDate firstDay = eventDay == null ? null : eventDay.minusDays(DAYS_BEFORE_EVENT);
        Instant earliest = firstDay == null ? null : firstDay.atStartOfDay(venueZone).toInstant();
        List<IndexedScan> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>(decoded.rejected());
        for (IndexedScan item : decoded.accepted()) {
            String problem = problem(item.scan(), places, latest, earliest, firstDay);
            if (problem == null) {
                accepted.add(item);
            } else {
                rejected.add(new Rejected(item.index(), problem));
            }
        }
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new DecodedUpload(decoded.json(), decoded.sha256(), decoded.itemCount(), List.copyOf(accepted),
                List.copyOf(rejected));
    }

    private static String problem(OfflineScan scan, VenuePlaces places, Instant latest, Instant earliest,
            LocalDate firstDay) {
        if (scan.checkpointId() != null && !places.checkpointIds().contains(scan.checkpointId())) {
            return "checkpointId " + scan.checkpointId() + " is not a checkpoint of the device's venue";
        }
        if (scan.specialAreaId() != null && !places.specialAreaIds().contains(scan.specialAreaId())) {
            return "specialAreaId " + scan.specialAreaId() + " is not a special area of the device's venue";
        }
        Instant scanned = scan.scanDateTime().toInstant();
        if (scanned.isAfter(latest)) {
            return "scanDateTime is more than 24 hours in the future";
        }
        if (earliest != null && scanned.isBefore(earliest)) {
            return "scanDateTime is before " + firstDay + ", the day before the event's day";
        }
        return null;
    }
}
