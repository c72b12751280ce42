package io.entry.simulator;

import io.entry.model.api.InputType;
import io.entry.model.api.ScanMode;

/**
 * One scan the rush will make: which device, when (a fraction of the rush), which token, entry or exit, and why it
 * is in the plan.
 */
public record PlannedScan(int device, double at, String token, ScanMode mode, InputType inputType, Kind kind) {

    /** Why a scan is in the plan; the summary groups by it. */
    public enum Kind {
        ENTRY, REREAD, EXIT, REENTRY, VOID, REISSUED, INVALID, FOREIGN, CLUB_ENTRY, CLUB_EXIT, NOT_ENTITLED,
        /** An entry at an offline device of a ticket that an online gate admitted just before: a double entry. */
        CROSS_OFFLINE, CLEANUP
    }
}
