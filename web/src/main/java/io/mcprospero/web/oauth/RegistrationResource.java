package io.mcprospero.web.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.oauth.ClientRegistrations;
import io.mcprospero.oauth.OAuthError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** Dynamic client registration (RFC 7591), at /oauth/register and the root alias /register. */
@Path("/")
@RequestScoped
public class RegistrationResource {

    private ClientRegistrations registrations;

    protected RegistrationResource() {
        // for the CDI proxy
    }

    @Inject
    public RegistrationResource(ClientRegistrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Path("oauth/register")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body, @Context HttpServletRequest request) {
        JsonObject metadata = parse(body);
        JsonObject registered = registrations.register(metadata, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(registered).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerAtRoot(String body, @Context HttpServletRequest request) {
        return register(body, request);
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw OAuthError.invalidClientMetadata("the request body must be a JSON object of client metadata");
        }
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw OAuthError.invalidClientMetadata("the request body must be a JSON object of client metadata");
            }
            return object;
        } catch (JsonException e) {
            throw OAuthError.invalidClientMetadata("the request body is not valid JSON");
        }
    }
}
