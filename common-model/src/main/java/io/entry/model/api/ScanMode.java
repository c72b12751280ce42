package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Scanning operation mode. */
public enum ScanMode implements VendorEnum {
    ENTRY("Entry"),
    EXIT("Exit");

    private final String wire;

    ScanMode(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ScanMode fromJson(String text) {
        return VendorEnum.parse(ScanMode.class, text);
    }
}
