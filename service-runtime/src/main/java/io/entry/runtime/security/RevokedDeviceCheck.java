package io.entry.runtime.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) the verified token of a device revoked after the token was issued (CONTRACT §3, lost devices).
 * Runs wherever a token is authenticated, so every {@code @RolesAllowed} route of every service gets it. LIMITED
 * tokens have no device and pass.
 */
@ApplicationScoped
public class RevokedDeviceCheck implements SecurityIdentityAugmentor {

    private final DeviceRevocations revocations;

    RevokedDeviceCheck(DeviceRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        SessionClaims claims = SessionClaims.of(jwt);
        if (!claims.full() || claims.dataAccountId() == null || claims.serialNumber() == null) {
            return Uni.createFrom().item(identity);
        }
        return revocations.revokedAt(claims.dataAccountId(), claims.serialNumber())
                .map(revokedAt -> {
                    if (DeviceRevocations.refuses(revokedAt, claims.issuedAt())) {
                        throw new AuthenticationFailedException("device revoked");
                    }
                    return identity;
                });
    }
}
