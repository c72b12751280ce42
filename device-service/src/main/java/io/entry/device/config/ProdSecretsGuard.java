package io.entry.device.config;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The demo NFC-key encryption key exists only for dev and test (CONTRACT §3): a prod start with it refuses to run.
 * (A prod start with none fails earlier: the property has no prod default. The admin secret is checked by
 * service-runtime's AdminSecret.)
 */
@Singleton
public class ProdSecretsGuard {

    /** The published demo values; anything in this set is known to the world. */
    static final Set<String> DEMO_NFC_KEYS = Set.of("ZW50cnktZGVtby1uZmMta2V5LTAwMDAwMDAwMDAwMDE=");

    void check(@Observes StartupEvent started, DeviceServiceConfig config) {
        // by profile, not launch mode: the local stack runs fast-jars (launch mode NORMAL) with QUARKUS_PROFILE=dev
        if (ConfigUtils.getProfiles().contains("prod")) {
            check(config);
        }
    }

    static void check(DeviceServiceConfig config) {
        if (DEMO_NFC_KEYS.contains(config.nfc().encryptionKey())) {
            throw new IllegalStateException("entry.nfc.encryption-key is the demo key: set ENTRY_NFC_ENCRYPTION_KEY");
        }
    }
}
