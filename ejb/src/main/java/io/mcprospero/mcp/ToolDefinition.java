package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A tool's published definition (name, title, description, input schema), read from {@code mcp/tools/<name>.json}. */
public record ToolDefinition(String name, JsonObject json) {

    public static final String RESOURCE_DIRECTORY = "mcp/tools/";

    public static ToolDefinition load(String name) {
        String resource = RESOURCE_DIRECTORY + name + ".json";
        try (InputStream in = ToolDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tool " + name + " has no definition at " + resource);
            }
            try (JsonReader reader = Jsons.reader(in)) {
                JsonObject json = reader.readObject();
                if (!name.equals(json.getString("name", null))) {
                    throw new IllegalStateException(resource + " must have \"name\": \"" + name + "\"");
                }
                return new ToolDefinition(name, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonObject inputSchema() {
        return json.getJsonObject("inputSchema");
    }
}
