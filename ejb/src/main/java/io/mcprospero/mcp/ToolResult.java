package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A tool's answer: a short text for the model, the same facts as structured content, and whether it is a
 * tool error the model should read and recover from (isError), as opposed to a protocol error.
 */
public record ToolResult(String text, JsonObject structured, boolean isError) {

    public static ToolResult of(String text, JsonObject structured) {
        return new ToolResult(text, structured, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, null, true);
    }

    public JsonObject toJson(String surfaceVersion) {
        JsonObjectBuilder result = Jsons.object()
                .add("content", Jsons.array().add(Jsons.object().add("type", "text").add("text", text)))
                .add("isError", isError)
                .add("_meta", Jsons.object().add(ToolSurface.META_KEY, surfaceVersion));
        if (structured != null) {
            result.add("structuredContent", structured);
        }
        return result.build();
    }
}
