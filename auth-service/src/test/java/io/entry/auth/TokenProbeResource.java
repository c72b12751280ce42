package io.entry.auth;

import io.entry.runtime.security.Roles;
import io.entry.runtime.security.SessionClaims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Test only: auth-service has no JWT-protected route, so this one exercises the shared verification of
 * service-runtime (smallrye-jwt with the JWKS convention and the revoked-device check) exactly as other services
 * get it.
 */
@Path("/test-only/device-probe")
public class TokenProbeResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @RolesAllowed(Roles.DEVICE)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> probe() {
        SessionClaims claims = SessionClaims.of(jwt);
        return Map.of("deviceId", claims.deviceId(), "serialNumber", claims.serialNumber());
    }
}
