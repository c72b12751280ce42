package io.entry.model.events;

/** A ticket's status in the ticketing system. */
public enum TicketStatus {
    VALID, VOID, REISSUED
}
