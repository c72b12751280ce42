package io.entry.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entry.model.api.ErrorCode;
import io.entry.runtime.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyGuardTest {

    private static final String KEY = "entry-demo-key-0001";
    private static final ApiClient DEMO = new ApiClient(ApiKeys.hash(KEY), "demo-partner", List.of("390", "129"), false);

    @Test
    void hashIsSha256LowerCaseHex() {
        // echo -n entry-demo-key-0001 | sha256sum
        assertThat(ApiKeys.hash(KEY)).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(ApiKeys.hash(new String(KEY.toCharArray())));
        assertThat(ApiKeys.hash(KEY)).isNotEqualTo(ApiKeys.hash(KEY + " "));
    }

    @Test
    void sameHashComparesWholeValuesAndRefusesNull() {
        assertThat(ApiKeys.sameHash("abc", "abc")).isTrue();
        assertThat(ApiKeys.sameHash("abc", "abd")).isFalse();
        assertThat(ApiKeys.sameHash("abc", "abcd")).isFalse();
        assertThat(ApiKeys.sameHash(null, "abc")).isFalse();
    }

    @Test
    void knownKeyForAnAllowedAccountPasses() {
        assertThat(ApiKeyGuard.decide(DEMO, ApiKeys.hash(KEY), "390")).isEqualTo(DEMO);
        assertThat(ApiKeyGuard.decide(DEMO, ApiKeys.hash(KEY), null)).isEqualTo(DEMO);
    }

    @Test
    void unknownKeyIsUnauthorized() {
        assertRefused(null, ApiKeys.hash("other"), "390", ErrorCode.UNAUTHORIZED);
    }

    @Test
    void revokedKeyIsUnauthorized() {
        ApiClient revoked = new ApiClient(DEMO.keyHash(), "demo-partner", List.of("390"), true);
        assertRefused(revoked, ApiKeys.hash(KEY), "390", ErrorCode.UNAUTHORIZED);
    }

    @Test
    void keyForAnotherAccountIsForbidden() {
        assertRefused(DEMO, ApiKeys.hash(KEY), "555", ErrorCode.FORBIDDEN);
    }

    @Test
    void tokenIssuedBeforeOrInTheSecondOfRevocationIsRefused() {
        java.time.Instant revokedAt = java.time.Instant.parse("2026-01-01T10:00:00.500Z");
        long revokedSecond = revokedAt.getEpochSecond();
        assertThat(DeviceRevocations.refuses(revokedAt, revokedSecond - 60)).isTrue();
        assertThat(DeviceRevocations.refuses(revokedAt, revokedSecond)).isTrue();
        assertThat(DeviceRevocations.refuses(revokedAt, revokedSecond + 1)).isFalse();
        assertThat(DeviceRevocations.refuses(null, revokedSecond)).isFalse();
    }

    private static void assertRefused(ApiClient found, String hash, String account, ErrorCode code) {
        assertThatThrownBy(() -> ApiKeyGuard.decide(found, hash, account))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(code));
    }
}
