package io.entry.scan.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The scanning window of an event (CONTRACT §4 "Time"): doors (default start - 2 h) to end (default start + 4 h)
 * + 2 h, venue-local times resolved as {@link ZonedDateTime} does (gaps move forward, overlaps take the earlier offset).
 */
public record EventWindow(Instant opens, Instant closes) {

    public static EventWindow of(LocalDateTime start, LocalDateTime end, LocalDateTime doors, ZoneId zone) {
        LocalDateTime effectiveEnd = end != null ? end : start.plusHours(4);
        LocalDateTime effectiveDoors = doors != null ? doors : start.minusHours(2);
        return new EventWindow(ZonedDateTime.of(effectiveDoors, zone).toInstant(),
                ZonedDateTime.of(effectiveEnd, zone).plusHours(2).toInstant());
    }

    /** Today's event: the window overlaps the venue's current local calendar day, or contains now. */
    public boolean isToday(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
        boolean overlapsToday = opens.isBefore(dayEnd) && closes.isAfter(dayStart);
        return overlapsToday || contains(now);
    }

    public boolean contains(Instant now) {
        return !now.isBefore(opens) && !now.isAfter(closes);
    }

    public boolean notOpenYet(Instant now) {
        return now.isBefore(opens);
    }
}
