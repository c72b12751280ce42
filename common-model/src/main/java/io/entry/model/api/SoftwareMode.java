package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Software mode of the device. */
public enum SoftwareMode implements VendorEnum {
    HANDHELD("Handheld"),
    PEDESTAL("Pedestal");

    private final String wire;

    SoftwareMode(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SoftwareMode fromJson(String text) {
        return VendorEnum.parse(SoftwareMode.class, text);
    }
}
