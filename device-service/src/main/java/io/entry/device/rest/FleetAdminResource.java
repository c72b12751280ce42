package io.entry.device.rest;

import io.entry.runtime.security.AdminSecret;

import io.entry.device.service.FleetService;
import io.entry.model.admin.FleetView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The fleet of one venue (service port only, admin secret). */
@Path("/admin/v1/fleet")
@Produces(MediaType.APPLICATION_JSON)
public class FleetAdminResource {

    private final AdminSecret admin;
    private final FleetService fleet;

    FleetAdminResource(AdminSecret admin, FleetService fleet) {
        this.admin = admin;
        this.fleet = fleet;
    }

    @GET
    @Path("/{dataAccountId}/{venueCode}")
    public Uni<FleetView> fleet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("dataAccountId") String dataAccountId, @PathParam("venueCode") String venueCode) {
        admin.require(authorization);
        return fleet.view(dataAccountId, venueCode);
    }
}
