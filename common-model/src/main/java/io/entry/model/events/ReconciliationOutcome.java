package io.entry.model.events;

/** What reconciliation did with one offline scan (CONTRACT §6). */
public enum ReconciliationOutcome {
    APPLIED, DUPLICATE, CONFLICT
}
