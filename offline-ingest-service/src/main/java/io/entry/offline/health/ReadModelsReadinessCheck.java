package io.entry.offline.health;

import io.entry.offline.service.ReadModelProgress;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every read model (API clients, catalog events and venues, devices) caught up with its topic at least
 * once, as persisted in this service's database; Kafka's current state plays no part (CONTRACT §2).
 */
@Readiness
@ApplicationScoped
public class ReadModelsReadinessCheck implements AsyncHealthCheck {

    private final ReadModelProgress progress;

    ReadModelsReadinessCheck(ReadModelProgress progress) {
        this.progress = progress;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return progress.allFilled()
                .map(filled -> HealthCheckResponse.named("read-models").status(filled)
                        .withData("topics", String.join(",", ReadModelProgress.READ_MODELS)).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("read-models").down()
                        .withData("reason", String.valueOf(failure.getMessage())).build());
    }
}
