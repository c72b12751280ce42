package io.entry.device.config;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The demo secrets exist only for dev and test (CONTRACT §3): a prod start with one of them refuses to run.
 * (A prod start with none fails earlier: the properties have no prod default.)
 */
@Singleton
public class ProdSecretsGuard {

    /** The published demo values; anything in this set is known to the world. */
    static final Set<String> DEMO_ADMIN_SECRETS = Set.of("entry-admin-local");
    static final Set<String> DEMO_NFC_KEYS = Set.of("ZW50cnktZGVtby1uZmMta2V5LTAwMDAwMDAwMDAwMDE=");

    void check(@Observes StartupEvent started, DeviceServiceConfig config) {
        // by profile, not launch mode: the local stack runs fast-jars (launch mode NORMAL) with QUARKUS_PROFILE=dev
        if (ConfigUtils.getProfiles().contains("prod")) {
            check(config);
        }
    }

    static void check(DeviceServiceConfig config) {
        if (DEMO_ADMIN_SECRETS.contains(config.admin().secret())) {
            throw new IllegalStateException("entry.admin.secret is the demo secret: set ENTRY_ADMIN_SECRET");
        }
        if (DEMO_NFC_KEYS.contains(config.nfc().encryptionKey())) {
            throw new IllegalStateException("entry.nfc.encryption-key is the demo key: set ENTRY_NFC_ENCRYPTION_KEY");
        }
    }
}
