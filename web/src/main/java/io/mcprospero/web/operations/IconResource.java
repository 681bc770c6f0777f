package io.mcprospero.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The server's icons, which serverInfo names for clients and directories: served from the server's own origin (the
 * spec asks clients to prefer that), public, long-cached, and only these two files.
 */
@Path("/icons")
@ApplicationScoped
public class IconResource {

    private static final Map<String, String> TYPES = Map.of("mcprospero.svg", "image/svg+xml", "mcprospero-128.png", "image/png");
    private final Map<String, byte[]> icons = Map.of("mcprospero.svg", load("mcprospero.svg"),
            "mcprospero-128.png", load("mcprospero-128.png"));

    @GET
    @Path("{name}")
    public Response icon(@PathParam("name") String name) {
        byte[] bytes = icons.get(name);
        if (bytes == null) {
            throw new NotFoundException();
        }
        return Response.ok(bytes, TYPES.get(name))
                .header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    private static byte[] load(String name) {
        try (InputStream in = IconResource.class.getResourceAsStream("/io/mcprospero/web/icons/" + name)) {
            if (in == null) {
                throw new IllegalStateException("icon " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
