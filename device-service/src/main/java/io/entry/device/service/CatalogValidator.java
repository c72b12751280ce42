package io.entry.device.service;

import io.entry.model.admin.CatalogDocument;
import io.entry.model.api.ErrorBody.FieldError;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole catalog document before anything of it is applied, collecting every reason (a document is
 * rejected whole). References may point into the document or at what the catalog already holds.
 */
public final class CatalogValidator {

    public static final Pattern ACCOUNT = Pattern.compile("\\d{3}");
    /** CONTRACT §6: each segment becomes a folder of an S3 key, so no dots. */
    public static final Pattern EVENT_ID = Pattern.compile(
            "^\\d{3}:[A-Za-z0-9][A-Za-z0-9_-]{0,31}:[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Pattern MASK = Pattern.compile("\\S{1,64}");

    /** What the catalog already holds: venue keys ({@code account:venueCode}) and layouts by key with their venue. */
    public record Existing(Set<String> venueKeys, Map<String, String> layoutVenueByKey) {
        public static final Existing NONE = new Existing(Set.of(), Map.of());
    }

    private final List<FieldError> errors = new ArrayList<>();

    private CatalogValidator() {
    }

    public static List<FieldError> validate(CatalogDocument document, Existing existing) {
        CatalogValidator validator = new CatalogValidator();
        validator.check(document, existing);
        return List.copyOf(validator.errors);
    }

    private void check(CatalogDocument doc, Existing existing) {
        if (doc == null) {
            error("body", "a catalog document is required");
            return;
        }
        if (empty(doc.venues()) && empty(doc.layouts()) && empty(doc.events()) && empty(doc.nfcKeys())) {
            error("body", "the document has no venues, layouts, events or nfcKeys");
        }
        Map<String, String> venueZones = new HashMap<>();
        Set<String> venueKeys = new HashSet<>(existing.venueKeys());
        Map<String, VenueRecord> docVenues = new HashMap<>();
        List<VenueRecord> venues = orEmpty(doc.venues());
        for (int i = 0; i < venues.size(); i++) {
            String at = "venues[" + i + "]";
            VenueRecord v = venues.get(i);
            if (v == null) {
                error(at, "must be an object");
                continue;
            }
            boolean account = account(at, v.dataAccountId());
            boolean code = matches(at + ".venueCode", v.venueCode(), CODE, "must be 1-64 characters of A-Z a-z 0-9 . _ -");
            required(at + ".venueName", v.venueName());
            zone(at + ".timeZone", v.timeZone());
            if (account && code) {
                String key = v.dataAccountId() + ":" + v.venueCode();
                if (docVenues.putIfAbsent(key, v) != null) {
                    error(at + ".venueCode", "venue " + key + " appears twice");
                }
                venueKeys.add(key);
                venueZones.put(key, v.timeZone());
            }
        }

        Map<String, String> layoutVenue = new HashMap<>(existing.layoutVenueByKey());
        Set<String> docLayouts = new HashSet<>();
        List<LayoutRecord> layouts = orEmpty(doc.layouts());
        for (int i = 0; i < layouts.size(); i++) {
            String at = "layouts[" + i + "]";
            LayoutRecord l = layouts.get(i);
            if (l == null) {
                error(at, "must be an object");
                continue;
            }
            boolean account = account(at, l.dataAccountId());
            if (l.checkpointLayoutId() <= 0) {
                error(at + ".checkpointLayoutId", "must be a positive number");
            }
            required(at + ".checkpointLayoutName", l.checkpointLayoutName());
            if (account && required(at + ".venueCode", l.venueCode())) {
                String venueKey = l.dataAccountId() + ":" + l.venueCode();
                if (!venueKeys.contains(venueKey)) {
                    error(at + ".venueCode", "venue " + venueKey + " is neither in the document nor in the catalog");
                }
                String key = l.dataAccountId() + ":" + l.checkpointLayoutId();
                if (!docLayouts.add(key)) {
                    error(at + ".checkpointLayoutId", "layout " + key + " appears twice");
                }
                layoutVenue.put(key, venueKey);
            }
            checkLayoutContent(at, l);
        }

        for (int i = 0; i < venues.size(); i++) {
            VenueRecord v = venues.get(i);
            if (v == null || v.checkpointLayoutId() == null || v.dataAccountId() == null) {
                continue;
            }
            String layoutKey = v.dataAccountId() + ":" + v.checkpointLayoutId();
            String ownerVenue = layoutVenue.get(layoutKey);
            if (ownerVenue == null) {
                error("venues[" + i + "].checkpointLayoutId", "layout " + layoutKey
                        + " is neither in the document nor in the catalog");
            } else if (!ownerVenue.equals(v.dataAccountId() + ":" + v.venueCode())) {
                error("venues[" + i + "].checkpointLayoutId", "layout " + layoutKey + " belongs to venue " + ownerVenue);
            }
        }

        Set<String> eventIds = new HashSet<>();
        List<EventRecord> events = orEmpty(doc.events());
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            EventRecord e = events.get(i);
            if (e == null) {
                error(at, "must be an object");
                continue;
            }
            boolean account = account(at, e.dataAccountId());
            if (matches(at + ".eventId", e.eventId(), EVENT_ID, "must be dataAccountId:seasonCd:eventCd (3 digits, "
                    + "then 1-32 and 1-64 characters of A-Z a-z 0-9 _ -)")) {
                String expected = e.dataAccountId() + ":" + e.seasonCd() + ":" + e.eventCd();
                if (!e.eventId().equals(expected)) {
                    error(at + ".eventId", "must equal dataAccountId:seasonCd:eventCd (" + expected + ")");
                }
                if (!eventIds.add(e.eventId())) {
                    error(at + ".eventId", "event " + e.eventId() + " appears twice");
                }
            }
            required(at + ".eventName", e.eventName());
            if (account && required(at + ".venueCode", e.venueCode())
                    && !venueKeys.contains(e.dataAccountId() + ":" + e.venueCode())) {
                error(at + ".venueCode", "venue " + e.dataAccountId() + ":" + e.venueCode()
                        + " is neither in the document nor in the catalog");
            }
            if (e.eventStartDateTime() == null) {
                error(at + ".eventStartDateTime", "is required (venue-local yyyy-MM-ddTHH:mm:ss)");
            } else {
                if (e.eventEndDateTime() != null && e.eventEndDateTime().isBefore(e.eventStartDateTime())) {
                    error(at + ".eventEndDateTime", "must not be before eventStartDateTime");
                }
                if (e.doorsOpenDateTime() != null && e.eventEndDateTime() != null
                        && e.doorsOpenDateTime().isAfter(e.eventEndDateTime())) {
                    error(at + ".doorsOpenDateTime", "must not be after eventEndDateTime");
                }
            }
            List<String> masks = orEmpty(e.barcodeMasks());
            for (int m = 0; m < masks.size(); m++) {
                matches(at + ".barcodeMasks[" + m + "]", masks.get(m), MASK,
                        "must be 1-64 characters without spaces (# any digit, ? any character)");
            }
        }

        Set<String> nfcRefs = new HashSet<>();
        List<CatalogDocument.NfcKey> keys = orEmpty(doc.nfcKeys());
        for (int i = 0; i < keys.size(); i++) {
            String at = "nfcKeys[" + i + "]";
            CatalogDocument.NfcKey k = keys.get(i);
            if (k == null) {
                error(at, "must be an object");
                continue;
            }
            account(at, k.dataAccountId());
            required(at + ".privateKey", k.privateKey());
            String wallet = k.wallet() == null ? null : k.wallet().trim().toLowerCase(Locale.ROOT);
            if ("apple".equals(wallet)) {
                required(at + ".passTypeIdentifier", k.passTypeIdentifier());
                required(at + ".keyId", k.keyId());
            } else if ("google".equals(wallet)) {
                required(at + ".collectorId", k.collectorId());
                if (k.keyVersion() == null) {
                    error(at + ".keyVersion", "is required for a google key");
                }
            } else {
                error(at + ".wallet", "must be one of apple, google");
                continue;
            }
            if (!nfcRefs.add(k.dataAccountId() + ":" + wallet + ":" + NfcKeyRefs.ref(wallet, k))) {
                error(at, "the same key appears twice");
            }
        }
    }

    private void checkLayoutContent(String at, LayoutRecord l) {
        Set<Long> checkpointIds = new HashSet<>();
        List<LayoutRecord.Checkpoint> checkpoints = orEmpty(l.checkpoints());
        for (int c = 0; c < checkpoints.size(); c++) {
            LayoutRecord.Checkpoint cp = checkpoints.get(c);
            String cat = at + ".checkpoints[" + c + "]";
            if (cp == null) {
                error(cat, "must be an object");
                continue;
            }
            if (cp.checkpointId() <= 0) {
                error(cat + ".checkpointId", "must be a positive number");
            } else if (!checkpointIds.add(cp.checkpointId())) {
                error(cat + ".checkpointId", "checkpoint " + cp.checkpointId() + " appears twice");
            }
            required(cat + ".checkpointName", cp.checkpointName());
        }
        if (l.defaultCheckpointId() != null && !checkpointIds.contains(l.defaultCheckpointId())) {
            error(at + ".defaultCheckpointId", "must be one of the layout's checkpoints");
        }
        Set<Long> areaIds = new HashSet<>();
        List<LayoutRecord.SpecialArea> areas = orEmpty(l.specialAreas());
        for (int a = 0; a < areas.size(); a++) {
            LayoutRecord.SpecialArea area = areas.get(a);
            String aat = at + ".specialAreas[" + a + "]";
            if (area == null) {
                error(aat, "must be an object");
                continue;
            }
            if (area.specialAreaId() <= 0) {
                error(aat + ".specialAreaId", "must be a positive number");
            } else if (!areaIds.add(area.specialAreaId())) {
                error(aat + ".specialAreaId", "special area " + area.specialAreaId() + " appears twice");
            }
            required(aat + ".specialAreaName", area.specialAreaName());
            if (area.maxEntryPerTicket() != null && area.maxEntryPerTicket() < 0) {
                error(aat + ".maxEntryPerTicket", "must be null (unlimited) or at least 0");
            }
            if (area.maxCapacity() != null && area.maxCapacity() < 0) {
                error(aat + ".maxCapacity", "must be null (unlimited) or at least 0");
            }
        }
        Set<String> serials = new HashSet<>();
        List<LayoutRecord.DeviceAssignment> assignments = orEmpty(l.deviceAssignments());
        for (int d = 0; d < assignments.size(); d++) {
            LayoutRecord.DeviceAssignment da = assignments.get(d);
            String dat = at + ".deviceAssignments[" + d + "]";
            if (da == null) {
                error(dat, "must be an object");
                continue;
            }
            if (required(dat + ".serialNumber", da.serialNumber()) && !serials.add(da.serialNumber())) {
                error(dat + ".serialNumber", "serial " + da.serialNumber() + " appears twice");
            }
            if (da.checkpointId() != null && !checkpointIds.contains(da.checkpointId())) {
                error(dat + ".checkpointId", "must be one of the layout's checkpoints");
            }
        }
    }

    private boolean account(String at, String dataAccountId) {
        return matches(at + ".dataAccountId", dataAccountId, ACCOUNT, "must be a 3-digit client identifier");
    }

    private void zone(String field, String zone) {
        if (!required(field, zone)) {
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            error(field, "is not a time zone: " + zone);
        }
    }

    private boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            error(field, "is required");
            return false;
        }
        return true;
    }

    private boolean matches(String field, String value, Pattern pattern, String message) {
        if (!required(field, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            error(field, message);
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
