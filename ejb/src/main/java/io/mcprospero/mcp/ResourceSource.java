package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A feature's MCP resources: what the caller may list and read (the feature authorizes). */
public interface ResourceSource {

    /** Resource descriptors ({uri, name, title, mimeType}) the caller may read, newest first. */
    List<JsonObject> list(Caller caller);

    /** Resource templates ({uriTemplate, name, mimeType}) this source answers. */
    List<JsonObject> templates();

    /** The resource's contents ({uri, mimeType, text}), or empty when the URI is not this source's. */
    Optional<JsonObject> read(Caller caller, String uri);
}
