package io.mcprospero.mcp;

import jakarta.json.JsonObject;
import java.util.function.Consumer;

/** What an era answers a POST to /mcp with; the transport turns it into HTTP. */
public sealed interface McpAnswer {

    /** One JSON body with this status; a session id when initialize opened one. */
    record Reply(int status, JsonObject body, String sessionId) implements McpAnswer {

        public static Reply ok(JsonObject body) {
            return new Reply(200, body, null);
        }
    }

    /** 202, no body: a notification or a client's response was taken. */
    record Accepted() implements McpAnswer {
    }

    /** 401: the token's grant was revoked, or its user disabled or gone. */
    record Refused() implements McpAnswer {
    }

    /**
     * An SSE response: the transport opens the stream and runs {@code work} with it on a managed thread (the request's
     * thread is not held). The work sends what it has and closes the stream, or hands it on (subscriptions/listen).
     */
    record Streamed(Consumer<EventStream> work) implements McpAnswer {
    }
}
