package io.entry.device.health;

import io.entry.device.repository.CatalogRepository;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready = the database answers and the catalog (device-service's own read model) has been imported at least once;
 * what is saved counts, so a restart during a Kafka outage is ready. Kafka is not part of readiness (CONTRACT §2).
 */
@Readiness
@ApplicationScoped
public class CatalogReadinessCheck implements AsyncHealthCheck {

    private final CatalogRepository catalog;

    CatalogReadinessCheck(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return catalog.catalogPresent()
                .map(present -> HealthCheckResponse.named("catalog").status(present)
                        .withData("catalog", present ? "loaded" : "never imported").build())
                .ifNoItem().after(Duration.ofSeconds(2)).failWith(() -> new IllegalStateException("database timeout"))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("catalog").down()
                        .withData("database", String.valueOf(e.getMessage())).build());
    }
}
