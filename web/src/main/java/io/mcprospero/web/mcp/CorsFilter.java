package io.mcprospero.web.mcp;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for browser-based MCP clients (MCP Inspector): discovery documents and the JWKS are public to any
 * origin; /mcp and the token and registration endpoints only to the origins {@link OriginPolicy} allows.
 * A servlet filter, not a JAX-RS one, so that the container's 401 challenge on /mcp is readable too. No
 * cookies are involved anywhere, so credentials are never allowed.
 */
@WebFilter(urlPatterns = {"/.well-known/*", "/oauth/jwks", "/oauth/token", "/token", "/oauth/register", "/register", "/mcp"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class CorsFilter extends HttpFilter {

    @Inject
    OriginPolicy origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean publicDocument = path.startsWith("/.well-known/") || path.equals("/oauth/jwks");
            if (publicDocument) {
                response.setHeader("Access-Control-Allow-Origin", "*");
            } else if (origins.isAllowedBrowserOrigin(origin)) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.addHeader("Vary", "Origin");
            }
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID");
            response.setHeader("Access-Control-Expose-Headers", "Mcp-Session-Id, WWW-Authenticate, MCP-Protocol-Version");
            response.setHeader("Access-Control-Max-Age", "600");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
