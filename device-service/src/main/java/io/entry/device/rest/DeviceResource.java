package io.entry.device.rest;

import io.entry.device.service.PingService;
import io.entry.device.service.TodaysEvents;
import io.entry.device.service.VenueDirectory;
import io.entry.model.api.EventsRequest;
import io.entry.model.api.EventsResponse;
import io.entry.model.api.PingRequest;
import io.entry.model.api.PingResponse;
import io.entry.model.api.VenuesRequest;
import io.entry.model.api.VenuesResponse;
import io.entry.runtime.security.ApiKeyGuard;
import io.entry.runtime.security.Roles;
import io.entry.runtime.security.SessionClaims;
import io.entry.runtime.web.ApiException;
import io.entry.runtime.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The device routes of CONTRACT §1 that device-service serves: Get Events, Get Venues, Ping. */
@Path("/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final TodaysEvents todaysEvents;
    private final VenueDirectory venues;
    private final PingService pings;
    private final JsonWebToken jwt;

    DeviceResource(TodaysEvents todaysEvents, VenueDirectory venues, PingService pings, JsonWebToken jwt) {
        this.todaysEvents = todaysEvents;
        this.venues = venues;
        this.pings = pings;
        this.jwt = jwt;
    }

    /** Get Events: FULL and LIMITED sessions; the body carries only telemetry. */
    @POST
    @Path("/events")
    @RolesAllowed({ Roles.DEVICE, Roles.INTEGRATOR })
    public Uni<EventsResponse> events(EventsRequest request, RoutingContext context) {
        return todaysEvents.forSession(SessionClaims.of(jwt), RequestIds.of(context));
    }

    /** Get Venues: API key (not JWT), which must be allowed for the requested dataAccountId. */
    @POST
    @Path("/venues")
    @PermitAll
    public Uni<VenuesResponse> venues(@HeaderParam(ApiKeyGuard.HEADER) String apiKey, @Valid VenuesRequest request) {
        if (request == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return venues.venuesFor(apiKey, request.dataAccountId());
    }

    /** Ping: FULL sessions only. */
    @POST
    @Path("/ping")
    @RolesAllowed(Roles.DEVICE)
    public Uni<PingResponse> ping(@Valid PingRequest request, RoutingContext context) {
        return pings.ping(SessionClaims.of(jwt), request, RequestIds.of(context));
    }
}
