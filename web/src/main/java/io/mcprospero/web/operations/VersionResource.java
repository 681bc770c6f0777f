package io.mcprospero.web.operations;

import io.mcprospero.support.Jsons;
import io.mcprospero.mcp.ProtocolVersions;
import io.mcprospero.mcp.ToolSurface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What is running: the build version, the tool-surface version and the MCP revisions spoken. Public and cheap. */
@Path("/version")
@ApplicationScoped
public class VersionResource {

    private final JsonObject version = Jsons.object()
            .add("name", "mcprospero")
            .add("version", implementationVersion())
            .add("tool_surface", ToolSurface.version())
            .add("mcp_protocol_versions", Jsons.array(ProtocolVersions.ALL))
            .build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject version() {
        return version;
    }

    private static String implementationVersion() {
        String version = VersionResource.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
