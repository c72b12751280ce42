package io.entry.model.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum of the vendor document: written in the vendor's spelling, read in any case (CONTRACT §2).
 */
public interface VendorEnum {

    /** The vendor's spelling, as responses carry it. */
    String wire();

    /**
     * Finds the constant whose vendor spelling equals {@code text} ignoring case; null for null.
     *
     * @throws IllegalArgumentException naming the allowed values, which becomes a 400 naming the field
     */
    static <E extends Enum<E> & VendorEnum> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equalsIgnoreCase(trimmed)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed(type));
    }

    static <E extends Enum<E> & VendorEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(VendorEnum::wire).collect(Collectors.joining(", "));
    }
}
