package io.entry.device.service;

import io.entry.model.admin.CatalogDocument;

/** The identity of an NFC key within its account and wallet: Apple's keyId, Google's collectorId:keyVersion. */
final class NfcKeyRefs {

    private NfcKeyRefs() {
    }

    static String ref(String wallet, CatalogDocument.NfcKey key) {
        return "apple".equals(wallet) ? key.keyId() : key.collectorId() + ":" + key.keyVersion();
    }
}
