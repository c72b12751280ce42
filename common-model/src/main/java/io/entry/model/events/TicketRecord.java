package io.entry.model.events;

import io.entry.model.api.SeatInfo;
import java.util.List;

/**
 * A ticket from the ticketing system, on {@link Topics#CATALOG_TICKETS}. {@code token} is what a scanner reads
 * (barcode or NFC id); {@code ticket} the ticketing system's ticket number, when it has one.
 */
public record TicketRecord(
        String recordId,
        String dataAccountId,
        String token,
        String ticket,
        String eventId,
        TicketStatus status,
        String reissuedToken,
        String patronId,
        String firstName,
        String lastName,
        SeatInfo seatInfo,
        List<Long> entitledSpecialAreaIds) implements EntryRecord {

    public static final String EVENT_TYPE = "CatalogTicket";
    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return Topics.accountKey(dataAccountId, token);
    }
}
