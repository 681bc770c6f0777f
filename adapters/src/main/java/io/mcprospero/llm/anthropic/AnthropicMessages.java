package io.mcprospero.llm.anthropic;

import com.anthropic.bedrock.backends.BedrockBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.LogLevel;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.opentelemetry.OpenTelemetryOptions;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * Anthropic's Messages API through anthropic-java, directly ({@code anthropic}) or on Amazon Bedrock
 * ({@code bedrock}: the same client with its Bedrock backend, which moves the model into the path
 * {@code /model/{id}/invoke}, the API version into the body and signs with SigV4). Bedrock serves Anthropic's models
 * with the same request and response bodies, so the mapping is shared.
 *
 * <p>The SDK's retries are off ({@link Attempts} counts), and so are its OpenTelemetry spans (they may record message
 * content, and they need a newer OpenTelemetry API than Payara ships) and its logging, which ANTHROPIC_LOG=debug
 * would otherwise turn on with the request and response bodies.
 */
public final class AnthropicMessages implements LanguageModel {

    static final String BEDROCK_API_VERSION = "bedrock-2023-05-31";

    private final String provider;
    private final LlmSettings settings;
    private final Lazy<AnthropicClient> client;
    private final Attempts attempts;
    private final String credentials;

    AnthropicMessages(String provider, LlmSettings settings, RetryBackoff backoff, Supplier<AnthropicClient> factory,
                      String credentials) {
        this.provider = provider;
        this.settings = settings;
        this.client = new Lazy<>(factory);
        this.attempts = new Attempts(provider, settings.maxRetries(), backoff);
        this.credentials = credentials;
    }

    /** Anthropic's API; {@code settings.apiKey()} is present (LanguageModels checks). */
    public static LanguageModel anthropic(LlmSettings settings, RetryBackoff backoff) {
        return new AnthropicMessages("anthropic", settings, backoff, () -> AnthropicOkHttpClient.builder()
                .apiKey(settings.apiKey().orElseThrow())
                .baseUrl(settings.baseUrl())
                .maxRetries(0)
                .timeout(settings.timeout())
                .logLevel(LogLevel.OFF)
                .openTelemetry(noTelemetry())
                .build(), "the API key (" + LlmSettings.API_KEY + ")");
    }

    /** Amazon Bedrock in {@code region}, with the AWS SDK's default credentials chain. */
    public static LanguageModel bedrock(LlmSettings settings, String region, RetryBackoff backoff) {
        return new AnthropicMessages("bedrock", settings, backoff, () -> {
            BedrockBackend.Builder backend = BedrockBackend.builder()
                    .awsCredentialsProvider(DefaultCredentialsProvider.builder().build())
                    .region(Region.of(region));
            settings.baseUrl().ifPresent(backend::baseUrl);
            return AnthropicOkHttpClient.builder()
                    .backend(backend.build())
                    // The backend copies this header into the body's anthropic_version. anthropic-java 3.x would send
                    // its own API version (2026-10-21); InvokeModel documents bedrock-2023-05-31 as the only value.
                    .putHeader("anthropic-version", BEDROCK_API_VERSION)
                    .maxRetries(0)
                    .timeout(settings.timeout())
                    .logLevel(LogLevel.OFF)
                    .openTelemetry(noTelemetry())
                    .build();
        }, "the AWS credentials (the default chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or a role)");
    }

    @Override
    public String provider() {
        return provider;
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
                    + (provider.equals("bedrock") ? " to a Bedrock model or inference profile id" : "")
                    + ", or name one in the request.");
        }
        MessageCreateParams params = params(request, model);
        return attempts.run(() -> send(params, model));
    }

    private ModelReply send(MessageCreateParams params, String model) throws FailedAttempt {
        try {
            return reply(client.get().messages().create(params));
        } catch (AnthropicServiceException e) {
            throw HttpFailures.status(e.statusCode(), errorMessage(e), HttpFailures.retryAfter(
                    e.headers().values("retry-after-ms"), e.headers().values("retry-after")), credentials, model);
        } catch (AnthropicIoException e) {
            throw HttpFailures.transport(e, settings.timeout());
        } catch (AnthropicInvalidDataException | JsonProcessingException e) {
            throw FailedAttempt.malformed("answered something that is not a Messages API response",
                    "Check that " + LlmSettings.BASE_URL + " points at " + (provider.equals("bedrock")
                            ? "a Bedrock runtime endpoint" : "Anthropic's API") + ".");
        } catch (AnthropicException e) {
            throw new FailedAttempt(ModelFailure.Kind.REFUSED, 0, "could not take the request ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "", "", Optional.empty());
        } catch (SdkClientException e) {
            // Bedrock only: the default chain found no credentials (its message names the providers it tried)
            throw new FailedAttempt(ModelFailure.Kind.NOT_CONFIGURED, 0, "has no AWS credentials", e.getMessage(),
                    "Set " + credentials + ".", Optional.empty());
        } catch (RuntimeException e) {
            // the client could not be made or could not make the request: a base URL that is no URL, say
            throw new FailedAttempt(ModelFailure.Kind.NOT_CONFIGURED, 0, "could not be called ("
                    + e.getClass().getSimpleName() + ")", e.getMessage(), "Check " + LlmSettings.BASE_URL + ".",
                    Optional.empty());
        }
    }

    /** Anthropic's {@code error.message}, or Bedrock's {@code message}. */
    private static String errorMessage(AnthropicServiceException e) {
        return e.apiMessage().orElseGet(() -> {
            try {
                return mapper().valueToTree(e.body()).path("message").asText("");
            } catch (IllegalArgumentException unreadable) {
                return "";
            }
        });
    }

    private static MessageCreateParams params(ModelRequest request, String model) throws ModelFailure {
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(model)
                .maxTokens(request.maxTokens());
        if (!request.system().isBlank()) {
            params.system(request.system());
        }
        for (ModelMessage message : request.messages()) {
            List<ContentBlockParam> blocks = new ArrayList<>();
            for (ContentBlock block : message.content()) {
                blocks.add(param(block));
            }
            if (message.role() == ModelRole.USER) {
                params.addUserMessageOfContentBlockParams(blocks);
            } else {
                params.addAssistantMessageOfContentBlockParams(blocks);
            }
        }
        for (ModelTool tool : request.tools()) {
            params.addTool(Tool.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .inputSchema(read(tool.inputSchemaJson(), Tool.InputSchema.class, "tool " + tool.name() + "'s input schema"))
                    .build());
        }
        return params.build();
    }

    private static ContentBlockParam param(ContentBlock block) throws ModelFailure {
        if (block instanceof TextBlock text) {
            return ContentBlockParam.ofText(TextBlockParam.builder().text(text.text()).build());
        }
        if (block instanceof ToolUseBlock use) {
            return ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                    .id(use.id())
                    .name(use.name())
                    .input(read(use.inputJson(), ToolUseBlockParam.Input.class, "the input of tool call " + use.id()))
                    .build());
        }
        ToolResultBlock result = (ToolResultBlock) block;
        ToolResultBlockParam.Builder param = ToolResultBlockParam.builder()
                .toolUseId(result.toolUseId())
                .content(result.content());
        if (result.isError()) {
            param.isError(true);
        }
        return ContentBlockParam.ofToolResult(param.build());
    }

    /** The answer's text and tool calls; other blocks (thinking, server tools) are not the agent's concern. */
    private static ModelReply reply(Message message) throws JsonProcessingException {
        List<ContentBlock> content = new ArrayList<>();
        for (com.anthropic.models.messages.ContentBlock block : message.content()) {
            if (block.isText()) {
                content.add(new TextBlock(block.asText().text()));
            } else if (block.isToolUse()) {
                var use = block.asToolUse();
                content.add(new ToolUseBlock(use.id(), use.name(), mapper().writeValueAsString(use._input())));
            }
        }
        StopReason stopReason = message.stopReason().map(reason -> switch (reason.asString()) {
            case "end_turn", "stop_sequence" -> StopReason.END_TURN;
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
        }).orElse(StopReason.OTHER);
        return new ModelReply(content, stopReason, message.usage().inputTokens(), message.usage().outputTokens(),
                message.model().asString());
    }

    private static <T> T read(String json, Class<T> type, String what) throws ModelFailure {
        try {
            T value = mapper().readValue(json, type);
            if (value == null) {
                throw new ModelFailure(ModelFailure.Kind.REFUSED, what + " is not a JSON object.");
            }
            return value;
        } catch (JsonProcessingException e) {
            // the location only: the JSON itself may be the user's content
            throw new ModelFailure(ModelFailure.Kind.REFUSED, what + " is not a JSON object (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static JsonMapper mapper() {
        return ObjectMappers.jsonMapper();
    }

    private static OpenTelemetryOptions noTelemetry() {
        return OpenTelemetryOptions.builder().traces(false).propagation(false).build();
    }
}
