package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The decision of a scan. */
public enum ScanStatus implements VendorEnum {
    ADMIT("Admit"),
    STOP("Stop");

    private final String wire;

    ScanStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ScanStatus fromJson(String text) {
        return VendorEnum.parse(ScanStatus.class, text);
    }
}
