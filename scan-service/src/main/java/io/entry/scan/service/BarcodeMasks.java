package io.entry.scan.service;

import io.entry.model.api.BarcodeMask;
import java.util.Collection;

/** Whether a barcode matches one of the masks of today's events (the mask rule itself is {@link BarcodeMask}'s). */
public final class BarcodeMasks {

    private BarcodeMasks() {
    }

    public static boolean matchesAny(Collection<String> masks, String token) {
        return masks.stream().anyMatch(mask -> matches(mask, token));
    }

    public static boolean matches(String mask, String token) {
        return new BarcodeMask(mask).matches(token);
    }
}
