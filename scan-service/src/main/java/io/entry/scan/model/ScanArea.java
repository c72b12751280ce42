package io.entry.scan.model;

/**
 * The area a scan is for and its rules (CONTRACT §5): the venue ({@code areaId} 0, pairing always, one entry unless
 * re-entry is allowed) or a special area of the catalog.
 */
public record ScanArea(
        long areaId,
        String name,
        Integer maxEntries,
        Integer maxCapacity,
        boolean pairingRequired,
        boolean entitlementRequired,
        boolean venueAllowsReentry) {

    public static final long VENUE = 0L;

    public static ScanArea venue(boolean allowReentry) {
        return new ScanArea(VENUE, null, allowReentry ? null : 1, null, true, false, allowReentry);
    }

    public boolean isVenue() {
        return areaId == VENUE;
    }

    /** Whether an exit requires the ticket to be inside: pairing areas, and a venue with re-entry. */
    public boolean exitNeedsInside() {
        return isVenue() ? venueAllowsReentry : pairingRequired;
    }
}
