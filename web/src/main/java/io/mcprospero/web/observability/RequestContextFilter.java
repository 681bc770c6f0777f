package io.mcprospero.web.observability;

import io.mcprospero.observability.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Starts every request with an empty log context and clears it afterwards, so ids never leak between requests on a pooled thread. */
@Provider
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        LogContext.clear();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        LogContext.clear();
    }
}
