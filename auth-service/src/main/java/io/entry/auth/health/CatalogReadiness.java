package io.entry.auth.health;

import io.entry.auth.repository.CatalogRepository;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready = the database answers and the catalog read model was filled at least once (a persisted flag, so a restart
 * during a Kafka outage is ready). Kafka is not part of it (CONTRACT §2).
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements AsyncHealthCheck {

    private final CatalogRepository catalog;

    CatalogReadiness(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return catalog.filled()
                .map(filled -> HealthCheckResponse.named("catalog-read-model").status(filled)
                        .withData("database", "up").build())
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("catalog-read-model").down()
                        .withData("database", String.valueOf(failure.getMessage())).build());
    }
}
