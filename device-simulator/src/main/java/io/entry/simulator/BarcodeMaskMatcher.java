package io.entry.simulator;

import io.entry.model.api.BarcodeMask;
import java.util.List;

/**
 * How a device decides offline whether a barcode belongs to one of today's events: the masks of Get Events, read
 * by the same rule as the server's ({@link BarcodeMask}).
 */
public final class BarcodeMaskMatcher {

    private final List<BarcodeMask> masks;

    public BarcodeMaskMatcher(List<String> masks) {
        this.masks = masks.stream().map(BarcodeMask::new).toList();
    }

    public boolean matchesAny(String token) {
        return masks.stream().anyMatch(mask -> mask.matches(token));
    }

    public static boolean matches(String mask, String token) {
        return new BarcodeMask(mask).matches(token);
    }
}
