package io.entry.model.events;

/** Why an offline scan conflicts with what is known (CONTRACT §6). */
public enum ConflictCode {
    DOUBLE_ENTRY, VOID_ADMITTED, OVER_CAPACITY, MAX_ENTRIES_EXCEEDED, UNKNOWN_TICKET
}
