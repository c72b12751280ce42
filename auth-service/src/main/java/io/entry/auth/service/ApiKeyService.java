package io.entry.auth.service;

import io.entry.auth.config.AuthConfig;
import io.entry.auth.repository.ApiClientRepository;
import io.entry.auth.repository.ApiClientRepository.StoredKey;
import io.entry.auth.repository.OutboxRepository;
import io.entry.model.admin.ApiKeyRequest;
import io.entry.model.admin.ApiKeyResponse;
import io.entry.model.events.ApiClientRecord;
import io.entry.model.events.Topics;
import io.entry.runtime.security.ApiKeys;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Issues and revokes integrators' API keys (CONTRACT §3). Every change of a key is published on
 * {@code entry.api-clients.v1} through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final ApiClientRepository clients;
    private final OutboxRepository outbox;
    private final AuthConfig config;

    ApiKeyService(Pool pool, ApiClientRepository clients, OutboxRepository outbox, AuthConfig config) {
        this.pool = pool;
        this.clients = clients;
        this.outbox = outbox;
        this.config = config;
    }

    /** A new random key; the answer is the only place the key itself ever appears. */
    public Uni<ApiKeyResponse> create(ApiKeyRequest request, String requestId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "entry_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> accounts = request.dataAccountIds().stream().distinct().toList();
        return pool.withTransaction(tx -> clients.insertIfAbsent(tx, ApiKeys.hash(key), request.partnerId(), accounts)
                        .flatMap(stored -> publish(tx, stored, requestId).replaceWith(stored)))
                .map(stored -> response(stored, key));
    }

    /** Revokes by key hash (or by the key itself); revoking twice changes nothing and publishes nothing. */
    public Uni<ApiKeyResponse> revoke(String keyHashOrKey, String requestId) {
        String hash = keyHashOrKey.matches("[0-9a-fA-F]{64}") ? keyHashOrKey.toLowerCase(Locale.ROOT)
                : ApiKeys.hash(keyHashOrKey);
        return pool.withTransaction(tx -> clients.revoke(tx, hash)
                .flatMap(revoked -> revoked != null
                        ? publish(tx, revoked, requestId).replaceWith(revoked)
                        : clients.find(tx, hash)))
                .map(stored -> {
                    if (stored == null) {
                        throw ApiException.notFound("no API key " + keyHashOrKey);
                    }
                    return response(stored, null);
                });
    }

    /**
     * Creates the configured demo key if absent (dev and test only) and publishes its current state: the topic gets it
     * even when it was emptied, and the record id (hash + update time) makes the republication a no-op for consumers.
     */
    public Uni<Void> ensureDemoKey() {
        if (config.demoApiKey().key().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String hash = ApiKeys.hash(config.demoApiKey().key().get());
        return pool.withTransaction(tx -> clients.insertIfAbsent(tx, hash, config.demoApiKey().partnerId(),
                        config.demoApiKey().dataAccountIds())
                .flatMap(inserted -> inserted != null ? Uni.createFrom().item(inserted) : clients.find(tx, hash))
                .flatMap(stored -> publish(tx, stored, null)));
    }

    private Uni<Void> publish(SqlClient tx, StoredKey key, String requestId) {
        if (key == null) {
            return Uni.createFrom().failure(new IllegalStateException("API key collision"));
        }
        ApiClientRecord record = new ApiClientRecord(
                "api-client:" + key.keyHash() + ":" + key.updatedAt().toEpochMilli() + (key.revoked() ? ":revoked" : ""),
                key.keyHash(), key.partnerId(), key.dataAccountIds(), key.revoked(), key.updatedAt());
        return outbox.enqueue(tx, Topics.API_CLIENTS, record.key(), ApiClientRecord.EVENT_TYPE,
                ApiClientRecord.SCHEMA_VERSION, requestId, record);
    }

    private static ApiKeyResponse response(StoredKey key, String apiKey) {
        return new ApiKeyResponse(key.keyHash(), key.partnerId(), key.dataAccountIds(), key.revoked(),
                key.updatedAt(), apiKey);
    }
}
