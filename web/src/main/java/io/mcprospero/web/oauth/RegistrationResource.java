package io.mcprospero.web.oauth;

import io.mcprospero.oauth.ClientRegistrations;
import io.mcprospero.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Dynamic client registration (RFC 7591), at /oauth/register and the root alias /register. */
@Path("/")
@RequestScoped
public class RegistrationResource {

    private ClientRegistrations registrations;
    private ClientAddress clientAddress;

    protected RegistrationResource() {
        // for the CDI proxy
    }

    @Inject
    public RegistrationResource(ClientRegistrations registrations, ClientAddress clientAddress) {
        this.registrations = registrations;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("oauth/register")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body, @Context HttpServletRequest request) {
        JsonObject registered = registrations.register(body, clientAddress.of(request));
        return Response.status(Response.Status.CREATED).entity(registered).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerAtRoot(String body, @Context HttpServletRequest request) {
        return register(body, request);
    }
}
