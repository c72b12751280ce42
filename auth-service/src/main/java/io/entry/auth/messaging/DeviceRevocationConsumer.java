package io.entry.auth.messaging;

import io.entry.model.events.DeviceSessionRecord;
import io.entry.runtime.security.DeviceRevocations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the shared revocation check (service-runtime) like in every other service. */
@ApplicationScoped
public class DeviceRevocationConsumer {

    private final DeviceRevocations revocations;

    DeviceRevocationConsumer(DeviceRevocations revocations) {
        this.revocations = revocations;
    }

    @Incoming("device-revocations")
    Uni<Void> revocation(DeviceSessionRecord record) {
        return revocations.apply(record).replaceWithVoid();
    }
}
