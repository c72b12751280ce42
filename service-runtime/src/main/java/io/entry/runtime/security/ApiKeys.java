package io.entry.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys are never stored, only their SHA-256 hash in lower-case hex (CONTRACT §3); hashes are compared in
 * constant time so a comparison leaks nothing about where two hashes differ.
 */
public final class ApiKeys {

    private ApiKeys() {
    }

    /** SHA-256 of the key's UTF-8 bytes, 64 lower-case hex characters. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JRE", impossible);
        }
    }

    /** Constant-time equality of two hashes (or secrets); false when either is null. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
