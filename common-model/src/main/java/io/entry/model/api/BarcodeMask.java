package io.entry.model.api;

/**
 * A barcode mask of Get Events (CONTRACT §4): {@code #} any digit, {@code ?} any character, anything else literal,
 * matched against the whole token. The server and a device deciding offline must read a mask the same way, so the
 * rule lives here with the record.
 */
public record BarcodeMask(String mask) {

    public boolean matches(String token) {
        if (mask == null || token == null || mask.length() != token.length()) {
            return false;
        }
        for (int i = 0; i < mask.length(); i++) {
            char m = mask.charAt(i);
            char c = token.charAt(i);
            boolean same = switch (m) {
                case '#' -> c >= '0' && c <= '9';
                case '?' -> true;
                default -> m == c;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
