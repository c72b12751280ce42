package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a session token may call: FULL (devices) or LIMITED (Lite sessions). */
public enum IntegratorType implements VendorEnum {
    FULL("FULL"),
    LIMITED("LIMITED");

    private final String wire;

    IntegratorType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static IntegratorType fromJson(String text) {
        return VendorEnum.parse(IntegratorType.class, text);
    }
}
