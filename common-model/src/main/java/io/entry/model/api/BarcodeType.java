package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Barcode symbology. */
public enum BarcodeType implements VendorEnum {
    BARCODE("Barcode"),
    QR_CODE("QRCode");

    private final String wire;

    BarcodeType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static BarcodeType fromJson(String text) {
        return VendorEnum.parse(BarcodeType.class, text);
    }
}
