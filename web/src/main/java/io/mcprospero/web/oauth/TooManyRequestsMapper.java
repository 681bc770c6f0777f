package io.mcprospero.web.oauth;

import io.mcprospero.oauth.TooManyRequests;
import io.mcprospero.web.Html;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A browser request over a per-address limit gets a page with 429 and Retry-After. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequests> {

    @Override
    public Response toResponse(TooManyRequests error) {
        return Response.fromResponse(Html.errorPage(429, "Too many requests", error.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, error.retryAfterSeconds()).build();
    }
}
