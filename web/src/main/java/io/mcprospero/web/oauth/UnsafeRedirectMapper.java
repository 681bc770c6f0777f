package io.mcprospero.web.oauth;

import io.mcprospero.oauth.UnsafeRedirect;
import io.mcprospero.web.Html;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An authorization request that cannot be answered by redirect gets a page, and no redirect at all. */
@Provider
public class UnsafeRedirectMapper implements ExceptionMapper<UnsafeRedirect> {

    @Override
    public Response toResponse(UnsafeRedirect error) {
        return Html.errorPage(400, "Sign-in cannot continue", error.getMessage());
    }
}
