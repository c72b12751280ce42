package io.entry.offline.health;

import io.entry.offline.repository.UploadObjectStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the upload bucket answers (CONTRACT §2). Asynchronous with a timeout: never blocks a thread. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements AsyncHealthCheck {

    private final UploadObjectStore store;

    StorageReadinessCheck(UploadObjectStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.checkBucket()
                .ifNoItem().after(Duration.ofSeconds(3)).failWith(() -> new IllegalStateException("timeout"))
                .map(ignored -> HealthCheckResponse.named("s3").up().withData("bucket", store.bucket()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("s3").down()
                        .withData("bucket", store.bucket()).withData("reason", String.valueOf(failure.getMessage())).build());
    }
}
