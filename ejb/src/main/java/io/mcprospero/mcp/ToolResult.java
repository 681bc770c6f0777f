package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A tool's answer: a short text for the model, the same facts as structured content, and whether it is a
 * tool error the model should read and recover from (isError), as opposed to a protocol error.
 */
public record ToolResult(String text, JsonObject structured, boolean isError) implements ToolOutcome {

    public static ToolResult of(String text, JsonObject structured) {
        return new ToolResult(text, structured, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, null, true);
    }

    /** The person said no to the confirmation question: nothing happened, and the model should not retry on its own. */
    public static ToolResult declined(String what) {
        return new ToolResult("Nothing was changed: the person declined to " + what + ".",
                Jsons.object().add("outcome", "declined").build(), false);
    }

    /**
     * A client that cannot ask the person (no elicitation): the model must ask in the conversation and call again
     * with confirm: true only if the person agrees.
     */
    public static ToolResult confirmInConversation(String question, String tool) {
        return error(question + " This client cannot show the person a confirmation, so ask them in the conversation, and "
                + "only if they agree call " + tool + " again with the same arguments and confirm: true. Nothing was changed.");
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
