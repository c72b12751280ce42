package io.entry.scan.rest;

import io.entry.runtime.security.AdminSecret;
import io.entry.runtime.web.ApiException;
import io.entry.runtime.web.RequestIds;
import io.entry.scan.service.EventResetService;
import io.entry.scan.service.TextRules;
import io.entry.scan.service.TicketImportService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Admin routes (CONTRACT §1): service port only, {@code Authorization: Bearer <admin secret>}. The secret is
 * compared in constant time.
 */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AdminSecret adminSecret;
    private final TicketImportService tickets;
    private final EventResetService resets;

    AdminResource(AdminSecret adminSecret, TicketImportService tickets, EventResetService resets) {
        this.adminSecret = adminSecret;
        this.tickets = tickets;
        this.resets = resets;
    }

    /** NDJSON TicketRecords, published to the ticket feed topic; 400 listing bad lines (then nothing is published). */
    @POST
    @Path("/tickets")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Map<String, Object> importTickets(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body, RoutingContext context) throws IOException {
        requireAdmin(authorization);
        int published = tickets.importNdjson(body, RequestIds.of(context));
        return Map.of("published", published);
    }

    @POST
    @Path("/events/{eventId}/reset")
    @Consumes(MediaType.WILDCARD)
    public Uni<Map<String, Object>> resetTestEvent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("eventId") String eventId) {
        requireAdmin(authorization);
        if (eventId.isBlank() || eventId.length() > 200 || TextRules.containsNul(eventId)) {
            throw ApiException.invalidField("eventId", "must be dataAccountId:seasonCd:eventCd");
        }
        return resets.reset(eventId).map(cleared -> Map.of("eventId", eventId, "clearedStates", cleared.states(),
                "clearedScans", cleared.scans()));
    }

    private void requireAdmin(String authorization) {
        adminSecret.require(authorization);
    }
}
