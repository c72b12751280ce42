package io.entry.device.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The times of one catalog event in its venue's zone (CONTRACT §4 "Time"): defaults for a missing end (start + 4 h)
 * and doors (start - 2 h), the scanning window from doors to end + 2 h, the venue's offset at the start.
 * Venue-local times in a daylight-saving gap move forward, ambiguous ones take the earlier offset: exactly what
 * {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does.
 */
public record EventTimes(LocalDateTime start, LocalDateTime end, LocalDateTime doorsOpen, ZoneId zone) {

    public static final Duration DEFAULT_LENGTH = Duration.ofHours(4);
    public static final Duration DEFAULT_DOORS_BEFORE_START = Duration.ofHours(2);
    public static final Duration SCANNING_AFTER_END = Duration.ofHours(2);

    public static EventTimes of(LocalDateTime start, LocalDateTime end, LocalDateTime doorsOpen, ZoneId zone) {
        // defaults are durations of real time, computed on the zoned start; every time is then shown as the wall
        // clock reading it really has (02:30 in a spring-forward gap is shown as 03:30)
        ZonedDateTime zonedStart = ZonedDateTime.of(start, zone);
        ZonedDateTime zonedEnd = end != null ? ZonedDateTime.of(end, zone) : zonedStart.plus(DEFAULT_LENGTH);
        ZonedDateTime zonedDoors = doorsOpen != null ? ZonedDateTime.of(doorsOpen, zone)
                : zonedStart.minus(DEFAULT_DOORS_BEFORE_START);
        return new EventTimes(zonedStart.toLocalDateTime(), zonedEnd.toLocalDateTime(),
                zonedDoors.toLocalDateTime(), zone);
    }

    public ZonedDateTime zonedStart() {
        return ZonedDateTime.of(start, zone);
    }

    /** The venue's UTC offset at the event's start, as {@code -05:00} ({@code Z} is written {@code +00:00}). */
    public String offset() {
        ZoneOffset offset = zonedStart().getOffset();
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    public Instant windowOpens() {
        return ZonedDateTime.of(doorsOpen, zone).toInstant();
    }

    public Instant windowCloses() {
        return ZonedDateTime.of(end, zone).plus(SCANNING_AFTER_END).toInstant();
    }

    /**
     * Listed today: the scanning window overlaps the venue's current local calendar day, or contains now
     * (an event starting 23:30 is still listed at 00:10 the next day).
     */
    public boolean isToday(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStarts = today.atStartOfDay(zone).toInstant();
        Instant dayEnds = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant opens = windowOpens();
        Instant closes = windowCloses();
        boolean overlapsDay = opens.isBefore(dayEnds) && closes.isAfter(dayStarts);
        boolean containsNow = !now.isBefore(opens) && now.isBefore(closes);
        return overlapsDay || containsNow;
    }
}
