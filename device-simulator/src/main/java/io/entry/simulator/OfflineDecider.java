package io.entry.simulator;

import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanStatus;
import java.util.HashSet;
import java.util.Set;

/**
 * What a device decides on its own while it has no network: a barcode outside today's masks is
 * {@code INVALID_FORMAT}; a token it already let in (and did not let out) is {@code ALREADY_SCANNED}; otherwise it
 * admits. It knows nothing of void tickets or other devices: reconciliation finds those afterwards.
 */
public final class OfflineDecider {

    public record Decision(ScanStatus status, ReasonCode reasonCode) {
    }

    private final BarcodeMaskMatcher masks;
    private final Set<String> inside = new HashSet<>();

    public OfflineDecider(BarcodeMaskMatcher masks) {
        this.masks = masks;
    }

    public Decision decide(String token, ScanMode mode, boolean barcode) {
        if (barcode && !masks.matchesAny(token)) {
            return new Decision(ScanStatus.STOP, ReasonCode.INVALID_FORMAT);
        }
        if (mode == ScanMode.EXIT) {
            inside.remove(token);
            return new Decision(ScanStatus.ADMIT, ReasonCode.EXIT_OK);
        }
        if (!inside.add(token)) {
            return new Decision(ScanStatus.STOP, ReasonCode.ALREADY_SCANNED);
        }
        return new Decision(ScanStatus.ADMIT, ReasonCode.OK);
    }
}
