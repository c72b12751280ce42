package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a scan was decided: by the server (Online) or by the device while offline (Offline). */
public enum ScanSource implements VendorEnum {
    ONLINE("Online"),
    OFFLINE("Offline");

    private final String wire;

    ScanSource(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ScanSource fromJson(String text) {
        return VendorEnum.parse(ScanSource.class, text);
    }
}
