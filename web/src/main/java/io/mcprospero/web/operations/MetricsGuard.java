package io.mcprospero.web.operations;

import io.mcprospero.observability.OperatorCredential;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Lets only operators reach the MicroProfile Metrics endpoint. Payara registers its metrics servlet inside the
 * application deployed at the root context, that is inside this web module, under {@code /metrics/*}; this filter
 * sits in front of it on every spelling the container maps there ({@code /metrics}, {@code /metrics/base},
 * {@code /metrics;x}). Without {@code mcprospero.operations.token} the endpoint is absent (404); with it, a request
 * without the token gets 401 and a Basic challenge, written here rather than through the 401 error page, whose
 * challenge names the MCP resource and would send an operator the wrong way.
 */
@WebFilter(urlPatterns = "/metrics/*", dispatcherTypes = DispatcherType.REQUEST)
public class MetricsGuard extends HttpFilter {

    @Inject
    OperatorCredential operators;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (operators.admits(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
        } else if (!operators.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"mcprospero-operations\", charset=\"UTF-8\"");
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("The operations endpoints answer operators only: send "
                    + "mcprospero.operations.token as the password of HTTP Basic authentication.\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
