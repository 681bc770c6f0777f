package io.mcprospero.web.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.oauth.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** OAuth errors as RFC 6749 §5.2 JSON, never cached; a failed client authentication also gets its challenge, a rate limit its Retry-After. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(Jsons.object()
                        .add("error", error.code())
                        .add("error_description", error.description())
                        .build());
        if (error.retryAfterSeconds() > 0) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        if (error.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"mcprospero\"");
        }
        return response.build();
    }
}
