package io.entry.runtime.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Kafka's state, in its own health group ({@code /q/health/group/kafka}) and not in readiness: scans go on being
 * answered while Kafka is down, their records wait in the outbox (CONTRACT §2). Asynchronous: never blocks.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements AsyncHealthCheck {

    private final String bootstrapServers;
    private volatile Admin admin;

    KafkaHealthCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                        .nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named("kafka").up().withData("brokers", nodes.size()).build())
                .ifNoItem().after(Duration.ofSeconds(3)).failWith(() -> new IllegalStateException("timeout"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("kafka").down()
                        .withData("bootstrap.servers", bootstrapServers)
                        .withData("reason", String.valueOf(failure.getMessage())).build());
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2500));
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
