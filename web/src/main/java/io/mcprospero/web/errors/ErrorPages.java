package io.mcprospero.web.errors;

import io.mcprospero.support.Jsons;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.web.mcp.BearerChallenge;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error pages (web.xml): short JSON, never a stack trace. A 401 carries the RFC 9728
 * challenge, so that an MCP client can discover the authorization server from /mcp alone.
 */
@WebServlet(urlPatterns = {"/errors/unauthorized", "/errors/forbidden", "/errors/not-found", "/errors/internal"})
public class ErrorPages extends HttpServlet {

    @Inject
    OAuthSettings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getServletPath();
        String code;
        String description;
        switch (page) {
            case "/errors/unauthorized" -> {
                boolean tokenPresented = request.getHeader("Authorization") != null;
                response.setHeader("WWW-Authenticate", BearerChallenge.header(settings, tokenPresented));
                response.setContentType("application/json");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write(BearerChallenge.body(tokenPresented));
                return;
            }
            case "/errors/forbidden" -> {
                code = "forbidden";
                description = "not allowed";
            }
            case "/errors/not-found" -> {
                code = "not_found";
                description = "nothing here; the MCP endpoint is /mcp";
            }
            default -> {
                code = "server_error";
                description = "the server failed to answer this request; nothing was changed";
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Jsons.object().add("error", code).add("error_description", description).build().toString());
    }
}
