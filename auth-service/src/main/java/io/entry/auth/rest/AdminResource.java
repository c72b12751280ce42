package io.entry.auth.rest;

import io.entry.runtime.security.AdminSecret;

import io.entry.auth.service.ApiKeyService;
import io.entry.auth.service.DeviceRevocationService;
import io.entry.model.admin.ApiKeyRequest;
import io.entry.model.admin.ApiKeyResponse;
import io.entry.model.admin.DeviceRevocationResponse;
import io.entry.runtime.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin routes of auth-service (service port only; the gateway never routes /admin). */
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AdminSecret access;
    private final ApiKeyService keys;
    private final DeviceRevocationService devices;

    AdminResource(AdminSecret access, ApiKeyService keys, DeviceRevocationService devices) {
        this.access = access;
        this.keys = keys;
        this.devices = devices;
    }

    /** Creates a key; the answer shows it once. */
    @POST
    @Path("/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull ApiKeyRequest request, RoutingContext context) {
        access.require(authorization);
        return keys.create(request, RequestIds.of(context))
                .map(created -> Response.status(Response.Status.CREATED).entity(created).build());
    }

    @DELETE
    @Path("/api-keys/{keyHash}")
    public Uni<ApiKeyResponse> deleteKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("keyHash") String keyHash, RoutingContext context) {
        access.require(authorization);
        return keys.revoke(keyHash, RequestIds.of(context));
    }

    @POST
    @Path("/api-keys/{keyHash}/revoke")
    public Uni<ApiKeyResponse> revokeKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("keyHash") String keyHash, RoutingContext context) {
        return deleteKey(authorization, keyHash, context);
    }

    @POST
    @Path("/devices/{dataAccountId}/{serialNumber}/revoke")
    public Uni<DeviceRevocationResponse> revokeDevice(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("dataAccountId") String dataAccountId, @PathParam("serialNumber") String serialNumber,
            RoutingContext context) {
        access.require(authorization);
        return devices.revoke(dataAccountId, serialNumber, RequestIds.of(context));
    }
}
