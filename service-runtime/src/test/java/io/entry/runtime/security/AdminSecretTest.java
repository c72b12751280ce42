package io.entry.runtime.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entry.runtime.web.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSecretTest {

    @Test
    void onlyTheConfiguredSecretAsBearerPasses() {
        AdminSecret admin = new AdminSecret(Optional.of("s3cret"));
        assertThatCode(() -> admin.require("Bearer s3cret")).doesNotThrowAnyException();
        assertThatCode(() -> admin.require("bearer s3cret")).doesNotThrowAnyException();
        assertThatThrownBy(() -> admin.require("Bearer s3cre")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> admin.require("s3cret")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> admin.require(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void withoutASecretEveryAdminCallIsRefused() {
        AdminSecret admin = new AdminSecret(Optional.of(" "));
        assertThatThrownBy(() -> admin.require("Bearer  ")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> admin.require("Bearer ")).isInstanceOf(ApiException.class);
    }

    @Test
    void prodRefusesAMissingOrDemoSecret() {
        assertThatThrownBy(() -> AdminSecret.checkProductionSecret(Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdminSecret.checkProductionSecret(Optional.of("entry-admin-local")))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> AdminSecret.checkProductionSecret(Optional.of("a-real-one"))).doesNotThrowAnyException();
    }
}
