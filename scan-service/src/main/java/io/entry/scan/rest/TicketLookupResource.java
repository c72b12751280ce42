package io.entry.scan.rest;

import io.entry.model.api.TicketLookupRequest;
import io.entry.model.api.TicketLookupResponse;
import io.entry.runtime.security.Roles;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.ApiException;
import io.entry.scan.service.TicketLookupService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Ticket Lookup (vendor document, CONTRACT §4): FULL or LIMITED sessions, tickets of the session's account only.
 * The barcode comes from the raw path ({@link BarcodePath}), not from a JAX-RS path parameter; the regex only lets
 * every path under the prefix reach this resource.
 */
@Path("/v1/tickets/{barcode: .+}")
@RolesAllowed({ Roles.DEVICE, Roles.INTEGRATOR })
public class TicketLookupResource {

    private final TicketLookupService lookups;
    private final JsonWebToken jwt;

    TicketLookupResource(TicketLookupService lookups, JsonWebToken jwt) {
        this.lookups = lookups;
        this.jwt = jwt;
    }

    /** The optional body carries device telemetry only; the ticket is named by the path. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TicketLookupResponse> lookup(RoutingContext context, TicketLookupRequest body) {
        return lookups.lookup(SessionClaims.of(jwt), barcode(context));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TicketLookupResponse> lookup(RoutingContext context) {
        return lookups.lookup(SessionClaims.of(jwt), barcode(context));
    }

    private static String barcode(RoutingContext context) {
        // path() is the request's path as sent (not decoded, matrix parameters kept)
        return BarcodePath.of(context.request().path())
                .orElseThrow(() -> ApiException.notFound("no such ticket"));
    }
}
