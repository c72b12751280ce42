package io.entry.scan.service;

import io.entry.model.api.TicketLookupResponse;
import io.entry.model.api.Venue;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.ApiException;
import io.entry.scan.repository.CatalogRepository;
import io.entry.scan.repository.ScanHistoryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Ticket Lookup (CONTRACT §4): a ticket of the session's account with its event, venue and history. */
@ApplicationScoped
public class TicketLookupService {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final Pool pool;
    private final CatalogRepository catalog;
    private final ScanHistoryRepository history;

    TicketLookupService(Pool pool, CatalogRepository catalog, ScanHistoryRepository history) {
        this.pool = pool;
        this.catalog = catalog;
        this.history = history;
    }

    public Uni<TicketLookupResponse> lookup(SessionClaims session, String barcode) {
        String account = session.dataAccountId();
        return pool.withConnection(c -> catalog.ticket(c, account, barcode)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("no ticket " + barcode)))
                .chain(ticket -> {
                    String venueCode = ticket.event() == null ? session.venueCode() : ticket.event().venueCode();
                    return catalog.venueRules(c, account, venueCode, null)
                            .chain(venue -> history.ofTicket(c, account, barcode).map(items -> {
                                var event = ticket.event();
                                String zoneId = venue.timeZone() != null ? venue.timeZone() : session.venueTimezone();
                                String offset = null;
                                if (zoneId != null && event != null) {
                                    offset = ZonedDateTime.of(event.start(), ZoneId.of(zoneId)).format(OFFSET);
                                }
                                Venue v = new Venue(venueCode, venue.venueName(), zoneId, account);
                                return new TicketLookupResponse(ticket.eventId(),
                                        event == null ? null : event.eventName(),
                                        event == null ? null : event.start(),
                                        event == null ? null : event.end() != null ? event.end()
                                                : event.start().plusHours(4),
                                        v, offset, zoneId, ticket.token(), ticket.ticketNumber(), ticket.patronId(),
                                        ticket.firstName(), ticket.lastName(), ticket.seatInfo(), items);
                            }));
                }));
    }
}
