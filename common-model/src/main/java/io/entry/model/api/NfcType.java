package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which wallet an NFC tap came from. */
public enum NfcType implements VendorEnum {
    APPLE("Apple"),
    GOOGLE("Google");

    private final String wire;

    NfcType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static NfcType fromJson(String text) {
        return VendorEnum.parse(NfcType.class, text);
    }
}
