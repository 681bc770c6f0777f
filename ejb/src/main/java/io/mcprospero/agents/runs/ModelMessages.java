package io.mcprospero.agents.runs;

import io.mcprospero.llm.ContentBlock;
import io.mcprospero.llm.ModelMessage;
import io.mcprospero.llm.ModelRole;
import io.mcprospero.llm.TextBlock;
import io.mcprospero.llm.ToolResultBlock;
import io.mcprospero.llm.ToolUseBlock;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Between the transcript's own JSON messages and the model port's types. */
final class ModelMessages {

    private ModelMessages() {
    }

    static List<ModelMessage> of(List<JsonObject> messages) {
        return messages.stream().map(message -> new ModelMessage(
                "assistant".equals(message.getString("role")) ? ModelRole.ASSISTANT : ModelRole.USER,
                message.getJsonArray("content").getValuesAs(JsonObject.class).stream().map(ModelMessages::block).toList())).toList();
    }

    private static ContentBlock block(JsonObject block) {
        return switch (block.getString("type")) {
            case "tool_use" -> new ToolUseBlock(block.getString("id"), block.getString("name"), block.getJsonObject("input").toString());
            case "tool_result" -> new ToolResultBlock(block.getString("tool_use_id"), block.getString("content"), block.getBoolean("is_error", false));
            default -> new TextBlock(block.getString("text", ""));
        };
    }

    /** The model's answer as transcript blocks; a tool input that is not a JSON object is kept as an empty one. */
    static JsonArray json(List<ContentBlock> content) {
        JsonArrayBuilder blocks = Jsons.array();
        for (ContentBlock block : content) {
            if (block instanceof TextBlock text) {
                blocks.add(Jsons.object().add("type", "text").add("text", Transcript.truncated(text.text())));
            } else if (block instanceof ToolUseBlock use) {
                blocks.add(Jsons.object().add("type", "tool_use").add("id", use.id()).add("name", use.name()).add("input", input(use.inputJson())));
            }
        }
        return blocks.build();
    }

    static JsonObject input(String json) {
        try {
            JsonValue value = Jsons.reader(new StringReader(json == null || json.isBlank() ? "{}" : json)).readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException malformed) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
