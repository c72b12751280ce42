package io.entry.auth.messaging;

import io.entry.auth.service.ApiKeyService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Dev and test: the demo API key exists and is published (through the outbox) as soon as the service is up. */
@Singleton
public class DemoKeyPublisher {

    void onStart(@Observes StartupEvent started, ApiKeyService keys) {
        // startup thread, not an event loop: waiting here delays readiness, never a request
        keys.ensureDemoKey().await().indefinitely();
    }
}
