package io.mcprospero.web.mcp;

import io.mcprospero.support.Jsons;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.web.errors.UnhandledErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The answer to a request on /mcp without a valid bearer token: 401 with the RFC 9728 challenge, which
 * points at the protected resource metadata, so that a client can discover everything from the MCP URL.
 */
@Provider
public class BearerChallenge implements ExceptionMapper<WebApplicationException> {

    @Inject
    OAuthSettings settings;
    @Context
    SecurityContext security;
    @Context
    HttpHeaders headers;

    public static String header(OAuthSettings settings, boolean tokenPresented) {
        return "Bearer resource_metadata=\"" + settings.issuer() + "/.well-known/oauth-protected-resource/mcp\""
                + (tokenPresented ? ", error=\"invalid_token\"" : "");
    }

    public static String body(boolean tokenPresented) {
        return Jsons.object()
                .add("error", tokenPresented ? "invalid_token" : "unauthorized")
                .add("error_description", "a valid bearer token from this server's authorization server is required; "
                        + "see the resource metadata named in WWW-Authenticate")
                .build().toString();
    }

    /** A validly signed token whose user is gone or disabled: the token no longer counts. */
    public static Response refusedToken(OAuthSettings settings) {
        return challenge(settings, true);
    }

    /** No bearer token (or none this server verified) where one is required. */
    public static Response challenge(OAuthSettings settings, boolean tokenPresented) {
        return Response.status(401)
                .header("WWW-Authenticate", header(settings, tokenPresented))
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(tokenPresented))
                .build();
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        boolean unauthenticated = security == null || security.getUserPrincipal() == null;
        if ((exception instanceof NotAuthorizedException || exception instanceof ForbiddenException) && unauthenticated) {
            return challenge(settings, headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null);
        }
        return UnhandledErrors.httpError(exception);
    }
}
