package io.mcprospero.web.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.oauth.ClientCredentials;
import io.mcprospero.oauth.OAuthClients;
import io.mcprospero.oauth.OAuthError;
import io.mcprospero.oauth.TokenGrants;
import io.mcprospero.oauth.TokenResponse;
import io.mcprospero.oauth.TokenRevocation;
import io.mcprospero.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The token endpoint (RFC 6749 §3.2), at /oauth/token and the root alias /token, and revocation. Responses are never cached. */
@Path("/")
@RequestScoped
public class TokenResource {

    private TokenGrants grants;
    private TokenRevocation revocation;
    private OAuthClients clients;
    private ClientAddress clientAddress;

    protected TokenResource() {
        // for the CDI proxy
    }

    @Inject
    public TokenResource(TokenGrants grants, TokenRevocation revocation, OAuthClients clients, ClientAddress clientAddress) {
        this.grants = grants;
        this.revocation = revocation;
        this.clients = clients;
        this.clientAddress = clientAddress;
    }

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization,
                          @Context HttpServletRequest http) {
        Map<String, String> parameters = singleValued(form);
        ClientCredentials credentials = credentials(parameters, authorization);
        // before the grant's transaction: a client's metadata document is fetched holding no database connection
        clients.prefetch(credentials.clientId(), clientAddress.of(http));
        TokenResponse issued = grants.exchange(parameters, credentials);
        JsonObjectBuilder body = Jsons.object()
                .add("access_token", issued.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .add("refresh_token", issued.refreshToken());
        if (issued.scope() != null && !issued.scope().isBlank()) {
            body.add("scope", issued.scope());
        }
        return Response.ok(body.build()).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenAtRoot(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization,
                                @Context HttpServletRequest http) {
        return token(form, authorization, http);
    }

    /** Revocation (RFC 7009): 200 whether or not the token was known. */
    @POST
    @Path("oauth/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization,
                           @Context HttpServletRequest http) {
        Map<String, String> parameters = singleValued(form);
        ClientCredentials credentials = credentials(parameters, authorization);
        clients.prefetch(credentials.clientId(), clientAddress.of(http));
        // token_type_hint is not needed: our access tokens are JWTs and refresh tokens are not (RFC 7009 §2.1 lets it go)
        revocation.revoke(parameters.get("token"), credentials);
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    /** RFC 6749 §3.2: parameters must not be repeated. */
    private static Map<String, String> singleValued(MultivaluedMap<String, String> form) {
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw OAuthError.invalidRequest("the parameter " + entry.getKey() + " is repeated");
            }
            parameters.put(entry.getKey(), entry.getValue().isEmpty() ? null : entry.getValue().get(0));
        }
        return parameters;
    }

    private static ClientCredentials credentials(Map<String, String> form, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("the Basic credentials are not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("the Basic credentials must be client_id:client_secret");
            }
            String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            if (form.get("client_id") != null && !form.get("client_id").equals(clientId)) {
                throw OAuthError.invalidRequest("client_id in the form differs from the Basic credentials");
            }
            return new ClientCredentials(clientId, URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true);
        }
        return new ClientCredentials(form.get("client_id"), form.get("client_secret"), false);
    }
}
