package io.mcprospero.web.oauth;

import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.oauth.RedirectableError;
import io.mcprospero.oauth.Redirects;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** An authorization error for a validated client goes back to its redirect URI (RFC 6749 §4.1.2.1, with iss). */
@Provider
public class RedirectableErrorMapper implements ExceptionMapper<RedirectableError> {

    @Inject
    OAuthSettings settings;

    @Override
    public Response toResponse(RedirectableError error) {
        return Response.seeOther(URI.create(Redirects.withError(error, settings.issuer()))).build();
    }
}
