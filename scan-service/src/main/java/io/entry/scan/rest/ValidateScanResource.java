package io.entry.scan.rest;

import io.entry.model.api.ValidateScanRequest;
import io.entry.model.api.ValidateScanResponse;
import io.entry.runtime.security.Roles;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.RequestIds;
import io.entry.scan.service.ValidateScanService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Validate Scan (vendor document, CONTRACT §5): FULL sessions only. */
@Path("/v1/validate")
public class ValidateScanResource {

    private final ValidateScanService scans;
    private final JsonWebToken jwt;

    ValidateScanResource(ValidateScanService scans, JsonWebToken jwt) {
        this.scans = scans;
        this.jwt = jwt;
    }

    @POST
    @RolesAllowed(Roles.DEVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ValidateScanResponse> validate(@Valid @NotNull ValidateScanRequest request, RoutingContext context) {
        return scans.validate(SessionClaims.of(jwt), request, RequestIds.of(context));
    }
}
