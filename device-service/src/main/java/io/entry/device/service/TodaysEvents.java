package io.entry.device.service;

import io.entry.device.repository.CatalogRepository;
import io.entry.model.api.BarcodeMask;
import io.entry.model.api.Event;
import io.entry.model.api.EventsResponse;
import io.entry.model.api.NfcKeys;
import io.entry.model.api.Venue;
import io.entry.model.events.EventRecord;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.ApiException;
import io.entry.model.api.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Get Events (CONTRACT §4): the token venue's events whose scanning window touches the venue's local today, with
 * barcode masks, and the account's NFC keys for FULL sessions only; every response carrying keys is audited.
 */
@ApplicationScoped
public class TodaysEvents {

    private final CatalogRepository catalog;
    private final NfcKeyCipher cipher;
    private final Clock clock;

    TodaysEvents(CatalogRepository catalog, NfcKeyCipher cipher, Clock clock) {
        this.catalog = catalog;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Uni<EventsResponse> forSession(SessionClaims session, String requestId) {
        if (session.dataAccountId() == null || session.venueCode() == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("the session names no venue"));
        }
        Instant now = clock.instant();
        return catalog.venue(session.dataAccountId(), session.venueCode()).flatMap(venue -> {
            if (venue == null) {
                return catalog.catalogPresent().map(present -> {
                    if (!present) {
                        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the catalog has not been loaded yet");
                    }
                    throw ApiException.notFound("venue " + session.venueCode() + " of account "
                            + session.dataAccountId() + " is not in the catalog");
                });
            }
            ZoneId zone = ZoneId.of(venue.timeZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            // coarse window in venue-local wall time, a day of slack each side; EventTimes decides exactly
            return catalog.eventsNear(venue.dataAccountId(), venue.venueCode(), today.minusDays(1).atStartOfDay(),
                            today.plusDays(2).atStartOfDay())
                    .map(stored -> todays(stored, now))
                    .flatMap(events -> keysFor(session, requestId, now)
                            .map(keys -> new EventsResponse(keys, events)));
        });
    }

    static List<Event> todays(List<CatalogRepository.StoredEvent> stored, Instant now) {
        List<Event> events = new ArrayList<>();
        for (CatalogRepository.StoredEvent s : stored) {
            EventRecord e = s.event();
            ZoneId zone = ZoneId.of(s.timeZone());
            EventTimes times = EventTimes.of(e.eventStartDateTime(), e.eventEndDateTime(), e.doorsOpenDateTime(), zone);
            if (times.isToday(now)) {
                events.add(toEvent(e, times, new Venue(e.venueCode(), s.venueName(), s.timeZone(), e.dataAccountId())));
            }
        }
        return events;
    }

    public static Event toEvent(EventRecord e, EventTimes times, Venue venue) {
        return new Event(e.eventId(), e.eventName(), times.start(), times.end(), times.doorsOpen(), times.offset(),
                times.zone().getId(), venue, e.barcodeMasks().stream().map(BarcodeMask::new).toList());
    }

    public static Venue toVenue(VenueRecord v) {
        return new Venue(v.venueCode(), v.venueName(), v.timeZone(), v.dataAccountId());
    }

    private Uni<NfcKeys> keysFor(SessionClaims session, String requestId, Instant now) {
        if (!session.full()) {
            return Uni.createFrom().item(NfcKeys.NONE);
        }
        // reading the keys and writing the audit row commit together: no keys leave without their audit row
        return catalog.pool().withTransaction(tx -> catalog.nfcKeys(tx, session.dataAccountId()).flatMap(stored -> {
            List<NfcKeys.AppleKey> apple = new ArrayList<>();
            List<NfcKeys.GoogleKey> google = new ArrayList<>();
            for (CatalogRepository.StoredNfcKey k : stored) {
                String plain = cipher.open(k.sealed(), CatalogImporter.binding(k.dataAccountId(), k.wallet(), k.keyRef()));
                if ("apple".equals(k.wallet())) {
                    apple.add(new NfcKeys.AppleKey(k.passTypeIdentifier(), k.keyId(), plain));
                } else {
                    google.add(new NfcKeys.GoogleKey(k.collectorId(), k.keyVersion(), plain));
                }
            }
            NfcKeys keys = new NfcKeys(apple, google);
            if (stored.isEmpty()) {
                return Uni.createFrom().item(keys);
            }
            return catalog.recordDisclosure(tx, session.dataAccountId(), session.serialNumber(), session.deviceId(),
                    requestId, stored.size(), now.atOffset(ZoneOffset.UTC)).replaceWith(keys);
        }));
    }
}
