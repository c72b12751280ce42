package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the device is connected. */
public enum NetworkType implements VendorEnum {
    WIFI("Wifi"),
    MOBILE("Mobile"),
    WIRED("Wired");

    private final String wire;

    NetworkType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static NetworkType fromJson(String text) {
        return VendorEnum.parse(NetworkType.class, text);
    }
}
