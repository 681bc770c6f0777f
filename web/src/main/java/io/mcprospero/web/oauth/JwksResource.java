package io.mcprospero.web.oauth;

import io.mcprospero.oauth.SigningKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys that verify MCProspero's access tokens (RFC 7517). */
@Path("/oauth/jwks")
@RequestScoped
public class JwksResource {

    private SigningKeys keys;

    protected JwksResource() {
        // for the CDI proxy
    }

    @Inject
    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicKeys().toString()).cacheControl(cache).build();
    }
}
