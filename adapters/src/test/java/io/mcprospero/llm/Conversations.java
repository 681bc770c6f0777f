package io.mcprospero.llm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The scripted weather conversation every provider test walks, and helpers to read what a stand-in received. */
final class Conversations {

    static final String SYSTEM = "You are a weather agent. Answer briefly.";
    static final String QUESTION = "What's the weather in Paris?";
    static final ModelTool WEATHER = new ModelTool("get_weather", "The current weather in a city.",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"The city\"}},"
                    + "\"required\":[\"city\"],\"additionalProperties\":false}");
    /** Backoff in milliseconds, so that retry tests stay fast. */
    static final RetryBackoff FAST = new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50));

    private Conversations() {
    }

    static LlmSettings settings(String provider, String model, String apiKey, String baseUrl, String region,
                                Duration timeout, int maxRetries) {
        return new LlmSettings(provider, Optional.ofNullable(model), Optional.ofNullable(apiKey),
                Optional.ofNullable(baseUrl), Optional.ofNullable(region), timeout, maxRetries);
    }

    /** Turn 1: the question, with the weather tool. */
    static ModelRequest firstTurn(String model) {
        return new ModelRequest(model, SYSTEM, List.of(ModelMessage.user(QUESTION)), List.of(WEATHER), 1024);
    }

    /** Turn 2: the question, the model's tool call, and the tool's result. */
    static ModelRequest secondTurn(String model, ModelReply first) {
        ToolUseBlock call = first.toolUses().get(0);
        return new ModelRequest(model, SYSTEM, List.of(
                ModelMessage.user(QUESTION),
                ModelMessage.assistant(first.content()),
                ModelMessage.user(List.of(new ToolResultBlock(call.id(), "18 degrees, sunny", false)))),
                List.of(WEATHER), 1024);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
