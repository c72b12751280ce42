package io.entry.auth.rest;

import io.entry.auth.service.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys every service verifies session tokens with (CONTRACT §3). */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        // short cache: a rotation's new key is published well before it signs (CONTRACT §3)
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
