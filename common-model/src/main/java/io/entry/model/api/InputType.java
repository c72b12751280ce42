package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Method used to read the ticket/token. */
public enum InputType implements VendorEnum {
    NFC("NFC"),
    BARCODE("Barcode"),
    KEY("Key"),
    SWIPE("Swipe");

    private final String wire;

    InputType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static InputType fromJson(String text) {
        return VendorEnum.parse(InputType.class, text);
    }
}
