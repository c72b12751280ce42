package io.entry.offline.repository;

import io.entry.offline.config.OfflineConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The uploaded files in S3, through the asynchronous client. Its futures complete on SDK threads, where
 * Hibernate Reactive must not be called ("No current Vertx context found"): every result is handed back on the
 * Vert.x context the call started from.
 */
@ApplicationScoped
public class UploadObjectStore {

    private final S3AsyncClient s3;
    private final String bucket;

    UploadObjectStore(S3AsyncClient s3, OfflineConfig config) {
        this.s3 = s3;
        this.bucket = config.bucket();
    }

    public String bucket() {
        return bucket;
    }

    public Uni<Void> put(String key, byte[] json, Map<String, String> metadata) {
        Executor back = callerContext();
        return Uni.createFrom().completionStage(() -> s3.putObject(request -> request.bucket(bucket).key(key)
                        .contentType("application/json").metadata(metadata), AsyncRequestBody.fromBytes(json)))
                .emitOn(back).replaceWithVoid();
    }

    /** The stored JSON, or null when there is no such object. */
    public Uni<byte[]> get(String key) {
        Executor back = callerContext();
        return Uni.createFrom().completionStage(() -> s3.getObject(request -> request.bucket(bucket).key(key),
                        AsyncResponseTransformer.toBytes()))
                .map(response -> response.asByteArray())
                .onFailure(UploadObjectStore::isMissing).recoverWithNull()
                .emitOn(back);
    }

    /** Reachability for readiness: HEAD of the bucket. */
    public Uni<Void> checkBucket() {
        return Uni.createFrom().completionStage(() -> s3.headBucket(request -> request.bucket(bucket))).replaceWithVoid();
    }

    private static boolean isMissing(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof NoSuchKeyException || cause instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** Runs continuations on the caller's Vert.x context (or in place when the caller has none). */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
