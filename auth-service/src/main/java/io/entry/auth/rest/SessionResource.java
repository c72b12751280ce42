package io.entry.auth.rest;

import io.entry.auth.service.SessionService;
import io.entry.model.api.CreateLiteSessionRequest;
import io.entry.model.api.CreateSessionRequest;
import io.entry.model.api.SessionResponse;
import io.entry.runtime.security.ApiKeyGuard;
import io.entry.runtime.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Create Session and Create Session (Lite), authorised by {@code API-Authorization-Key} (CONTRACT §1, §3). */
@Path("/v1/session")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    public Uni<SessionResponse> create(@HeaderParam(ApiKeyGuard.HEADER) String apiKey,
            @Valid @NotNull CreateSessionRequest request, RoutingContext context) {
        return sessions.createFull(apiKey, request, RequestIds.of(context));
    }

    @POST
    @Path("/lite")
    public Uni<SessionResponse> createLite(@HeaderParam(ApiKeyGuard.HEADER) String apiKey,
            @Valid @NotNull CreateLiteSessionRequest request, RoutingContext context) {
        return sessions.createLite(apiKey, request, RequestIds.of(context));
    }
}
