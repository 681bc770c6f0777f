package io.mcprospero.mcp.legacy;

import io.mcprospero.mcp.CallScope;
import io.mcprospero.mcp.EventStream;
import io.mcprospero.mcp.JsonRpc;
import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.mcp.McpAnswer;
import io.mcprospero.mcp.ToolCall;
import io.mcprospero.mcp.ToolCatalog;
import io.mcprospero.mcp.ToolOutcome;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.mcp.mrtr.InputAnswers;
import io.mcprospero.mcp.mrtr.InputRequest;
import io.mcprospero.support.Jsons;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The 2025-11-25 form of a tool's questions: elicitation/create requests sent on the tools/call's response stream,
 * whose answers the client POSTs back ({@link ClientResponses}); with them the call runs again, until it completes
 * or runs out of rounds. Answers collected here need no request state: they never leave the server.
 */
@ApplicationScoped
public class ElicitationRelay {

    private static final Logger LOG = Logger.getLogger(ElicitationRelay.class.getName());
    static final int MAX_ROUNDS = 3;

    private ToolCatalog tools;
    private ClientResponses responses;
    private Clock clock;
    private Duration wait;

    protected ElicitationRelay() {
        // for the CDI proxy
    }

    @Inject
    public ElicitationRelay(ToolCatalog tools, ClientResponses responses, Clock clock,
                            @ConfigProperty(name = "mcprospero.mcp.request-state-ttl") Duration wait) {
        this.tools = tools;
        this.responses = responses;
        this.clock = clock;
        this.wait = wait;
    }

    /** Answers the call with a stream on which its questions are asked. */
    public McpAnswer ask(JsonValue id, String sessionHash, ToolCall call, CallScope scope, ToolOutcome.InputRequiredResult first) {
        return new McpAnswer.Streamed(stream -> {
            continueOn(stream, id, sessionHash, call, scope, first);
        });
    }

    /** Asks the questions on this stream, runs the call again with the answers, and sends its result; closes the stream. */
    public void continueOn(EventStream stream, JsonValue id, String sessionHash, ToolCall call, CallScope scope,
                           ToolOutcome.InputRequiredResult first) {
        try {
            ToolOutcome outcome = first;
            for (int round = 0; round < MAX_ROUNDS && outcome instanceof ToolOutcome.InputRequiredResult input; round++) {
                Optional<InputAnswers> answers = collect(stream, sessionHash, input.questions());
                if (!stream.isOpen()) {
                    // the client closed the stream: the call is cancelled, whatever answer came meanwhile
                    return;
                }
                if (answers.isEmpty()) {
                    if (stream.isOpen()) {
                        stream.send(JsonRpc.result(id, ToolResult.error("Nothing was changed: the question was not answered within "
                                + wait.toMinutes() + " minutes. Call " + call.name() + " again when the person is ready.")
                                .toJson(tools.surfaceVersion())));
                    }
                    return;
                }
                outcome = tools.call(call, scope, answers.get());
            }
            ToolResult result = outcome instanceof ToolResult done ? done
                    : ToolResult.error("Nothing was changed: the questions were asked " + MAX_ROUNDS + " times without an answer that lets "
                    + call.name() + " finish.");
            stream.send(JsonRpc.result(id, result.toJson(tools.surfaceVersion())));
        } catch (JsonRpcError error) {
            stream.send(JsonRpc.error(id, error));
        } catch (RuntimeException failure) {
            LOG.log(Level.SEVERE, "tools/call " + call.name() + " failed while asking the person", failure);
            stream.send(JsonRpc.error(id, JsonRpcError.INTERNAL_ERROR, "the call failed on the server; try again"));
        } finally {
            stream.close();
        }
    }

    /** Sends each question and waits for every answer; empty when one is not given in time or the client left. */
    private Optional<InputAnswers> collect(EventStream stream, String sessionHash, Map<String, InputRequest> questions) {
        Map<String, String> requestIds = new LinkedHashMap<>();
        questions.forEach((key, question) -> {
            String requestId = "mcprospero-" + key + "-" + RandomTokens.next().substring(0, 16);
            requestIds.put(key, requestId);
            stream.send(JsonRpc.request(requestId, InputRequest.ELICITATION, question.params()));
        });
        Instant deadline = clock.instant().plus(wait);
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> asked : requestIds.entrySet()) {
            Optional<JsonObject> message = responses.await(sessionHash, asked.getValue(), deadline, stream::isOpen);
            if (message.isEmpty()) {
                return Optional.empty();
            }
            // an error answer (the client could not ask) counts as the person not going ahead
            answers.put(asked.getKey(), message.get().get("result") instanceof JsonObject result ? result
                    : Jsons.object().add("action", "cancel").build());
        }
        return Optional.of(InputAnswers.collected(answers));
    }
}
