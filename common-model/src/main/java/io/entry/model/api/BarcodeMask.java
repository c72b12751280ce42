package io.entry.model.api;

/** A barcode mask: {@code #} any digit, {@code ?} any character, anything else literal, matched against the whole token. */
public record BarcodeMask(String mask) {
}
