package io.entry.model.admin;

import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import java.util.List;

/**
 * The catalog import document of device-service's admin route: venues, layouts (with checkpoints, special areas and
 * device assignments), events and NFC keys. Records use the shapes of the catalog topics; their {@code recordId}s
 * may be omitted, device-service assigns them when it publishes.
 */
public record CatalogDocument(
        List<VenueRecord> venues,
        List<LayoutRecord> layouts,
        List<EventRecord> events,
        List<NfcKey> nfcKeys) {

    /** A wallet key of an account. Apple keys use passTypeIdentifier and keyId; Google keys collectorId and keyVersion. */
    public record NfcKey(
            String dataAccountId,
            String wallet,
            String passTypeIdentifier,
            String keyId,
            String collectorId,
            Integer keyVersion,
            String privateKey) {
    }
}
