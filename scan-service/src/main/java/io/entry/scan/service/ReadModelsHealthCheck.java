package io.entry.scan.service;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the read models have been filled once (the datasource check covers the database). */
@Readiness
@ApplicationScoped
public class ReadModelsHealthCheck implements AsyncHealthCheck {

    private final ReadModelReadiness readiness;

    ReadModelsHealthCheck(ReadModelReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return readiness.missing()
                .map(missing -> HealthCheckResponse.named("read-models").status(missing.isEmpty())
                        .withData("missing", String.join(",", missing)).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("read-models").down()
                        .withData("reason", String.valueOf(failure.getMessage())).build());
    }
}
