package io.mcprospero.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.LogLevel;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import io.mcprospero.llm.Attempts;
import io.mcprospero.llm.ContentBlock;
import io.mcprospero.llm.FailedAttempt;
import io.mcprospero.llm.HttpFailures;
import io.mcprospero.llm.LanguageModel;
import io.mcprospero.llm.Lazy;
import io.mcprospero.llm.LlmSettings;
import io.mcprospero.llm.ModelFailure;
import io.mcprospero.llm.ModelMessage;
import io.mcprospero.llm.ModelReply;
import io.mcprospero.llm.ModelRequest;
import io.mcprospero.llm.ModelRole;
import io.mcprospero.llm.ModelTool;
import io.mcprospero.llm.RetryBackoff;
import io.mcprospero.llm.StopReason;
import io.mcprospero.llm.TextBlock;
import io.mcprospero.llm.ToolResultBlock;
import io.mcprospero.llm.ToolUseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An OpenAI-compatible chat completions server ({@code POST <base-url>/chat/completions}: Ollama, vLLM, OpenAI) through
 * openai-java, with function tools. The port's messages are Anthropic-shaped, so a user message's tool results become
 * {@code role: tool} messages (before its text), an assistant message's tool calls its {@code tool_calls}, and a tool
 * result marked as an error is sent with an "Error: " prefix, since the format has no such flag.
 */
public final class OpenAiChatCompletions implements LanguageModel {

    private final LlmSettings settings;
    private final Lazy<OpenAIClient> client;
    private final Attempts attempts;

    OpenAiChatCompletions(LlmSettings settings, RetryBackoff backoff, Supplier<OpenAIClient> factory) {
        this.settings = settings;
        this.client = new Lazy<>(factory);
        this.attempts = new Attempts("openai", settings.maxRetries(), backoff);
    }

    /** {@code settings.baseUrl()} is present (LanguageModels checks); the API key is optional. */
    public static LanguageModel create(LlmSettings settings, RetryBackoff backoff) {
        return new OpenAiChatCompletions(settings, backoff, () -> {
            OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                    .baseUrl(settings.baseUrl().orElseThrow())
                    .maxRetries(0)
                    .timeout(settings.timeout())
                    // OPENAI_LOG=debug would log the request and response bodies
                    .logLevel(LogLevel.OFF);
            if (settings.apiKey().isPresent()) {
                builder.apiKey(settings.apiKey().get());
            } else {
                // the SDK insists on a credential; a local server takes none, so none is sent
                builder.apiKey("none").removeHeaders("Authorization");
            }
            return builder.build();
        });
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public void close() {
        client.ifMade().ifPresent(made -> made.close());
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelFailure {
        String model = request.model().isBlank() ? settings.model().orElse("") : request.model();
        if (model.isBlank()) {
            throw new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "No model to ask: set " + LlmSettings.MODEL
                    + " (for Ollama a pulled model's name, such as llama3.1), or name one in the request.");
        }
        ChatCompletionCreateParams params = params(request, model);
        return attempts.run(() -> send(params, model));
    }

    private ModelReply send(ChatCompletionCreateParams params, String model) throws FailedAttempt {
        try {
            return reply(client.get().chat().completions().create(params));
        } catch (OpenAIServiceException e) {
            throw HttpFailures.status(e.statusCode(), errorMessage(e.body()), HttpFailures.retryAfter(
                    e.headers().values("retry-after-ms"), e.headers().values("retry-after")),
                    "the API key (" + LlmSettings.API_KEY + ")", model);
        } catch (OpenAIIoException e) {
            throw HttpFailures.transport(e, settings.timeout());
        } catch (OpenAIInvalidDataException | MalformedAnswer e) {
            throw FailedAttempt.malformed("answered something that is not a chat completion",
                    "Check that " + LlmSettings.BASE_URL + " points at an OpenAI-compatible API (it ends in /v1 for "
                            + "Ollama and vLLM).");
        } catch (OpenAIException e) {
            throw new FailedAttempt(ModelFailure.Kind.REFUSED, 0, "could not take the request ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "", "", Optional.empty());
        } catch (RuntimeException e) {
            // the client could not be made or could not make the request: a base URL that is no URL, say
            throw new FailedAttempt(ModelFailure.Kind.NOT_CONFIGURED, 0, "could not be called ("
                    + e.getClass().getSimpleName() + ")", e.getMessage(), "Check " + LlmSettings.BASE_URL + ".",
                    Optional.empty());
        }
    }

    private static ChatCompletionCreateParams params(ModelRequest request, String model) throws ModelFailure {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(model)
                // max_tokens, not max_completion_tokens: Ollama and vLLM read the older name
                .maxTokens((long) request.maxTokens());
        if (!request.system().isBlank()) {
            params.addSystemMessage(request.system());
        }
        for (ModelMessage message : request.messages()) {
            if (message.role() == ModelRole.USER) {
                addUser(params, message);
            } else {
                addAssistant(params, message);
            }
        }
        for (ModelTool tool : request.tools()) {
            params.addTool(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder()
                            .name(tool.name())
                            .description(tool.description())
                            .parameters(read(tool.inputSchemaJson(), FunctionParameters.class,
                                    "tool " + tool.name() + "'s input schema"))
                            .build())
                    .build());
        }
        return params.build();
    }

    private static void addUser(ChatCompletionCreateParams.Builder params, ModelMessage message) {
        List<String> texts = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            if (block instanceof ToolResultBlock result) {
                params.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(result.toolUseId())
                        .content(result.isError() ? "Error: " + result.content() : result.content())
                        .build());
            } else if (block instanceof TextBlock text) {
                texts.add(text.text());
            }
        }
        if (!texts.isEmpty()) {
            params.addUserMessage(String.join("\n\n", texts));
        }
    }

    private static void addAssistant(ChatCompletionCreateParams.Builder params, ModelMessage message) {
        ChatCompletionAssistantMessageParam.Builder assistant = ChatCompletionAssistantMessageParam.builder();
        List<String> texts = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            if (block instanceof TextBlock text) {
                texts.add(text.text());
            } else if (block instanceof ToolUseBlock use) {
                assistant.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                        .id(use.id())
                        .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                .name(use.name())
                                .arguments(use.inputJson())
                                .build())
                        .build());
            }
        }
        if (!texts.isEmpty()) {
            assistant.content(String.join("\n\n", texts));
        }
        params.addMessage(assistant.build());
    }

    private static ModelReply reply(ChatCompletion completion) throws MalformedAnswer {
        if (completion.choices().isEmpty()) {
            throw new MalformedAnswer();
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessage message = choice.message();
        List<ContentBlock> content = new ArrayList<>();
        message.content().filter(text -> !text.isEmpty()).ifPresent(text -> content.add(new TextBlock(text)));
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).isFunction()) {
                ChatCompletionMessageFunctionToolCall call = calls.get(i).asFunction();
                // some servers leave the id out; the result must still name the call it answers
                String id = call._id().asString().orElse("call_" + i);
                content.add(new ToolUseBlock(id, call.function().name(), call.function().arguments()));
            }
        }
        boolean toolCalls = content.stream().anyMatch(ToolUseBlock.class::isInstance);
        // Ollama has answered "stop" with tool calls; the calls decide
        StopReason stopReason = toolCalls ? StopReason.TOOL_USE : switch (choice.finishReason().asString()) {
            case "stop" -> StopReason.END_TURN;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "length" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        };
        long input = completion.usage().map(usage -> usage.promptTokens()).orElse(0L);
        long output = completion.usage().map(usage -> usage.completionTokens()).orElse(0L);
        return new ModelReply(content, stopReason, input, output, completion.model());
    }

    /** The error's message in OpenAI's shape ({@code error.message}), vLLM's ({@code message}) or a bare string. */
    private static String errorMessage(JsonValue body) {
        try {
            JsonNode node = mapper().valueToTree(body);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            return error.path("message").asText(node.path("message").asText(""));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static <T> T read(String json, Class<T> type, String what) throws ModelFailure {
        try {
            T value = mapper().readValue(json, type);
            if (value == null) {
                throw new ModelFailure(ModelFailure.Kind.REFUSED, what + " is not a JSON object.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ModelFailure(ModelFailure.Kind.REFUSED, what + " is not a JSON object (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static JsonMapper mapper() {
        return ObjectMappers.jsonMapper();
    }

    /** An answer without a choice. */
    private static final class MalformedAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedAnswer() {
            super(null, null, false, false);
        }
    }
}
