package io.mcprospero.mcp;

import jakarta.json.JsonObject;

/**
 * A Server-Sent Events response stream of one request: notifications about it (progress, a legacy server-to-client
 * request), then its response. The client closing it cancels the request: {@link #send} answers false and
 * {@link #isOpen()} turns false (the transport finds out at the next write or keep-alive).
 */
public interface EventStream {

    /** Sends one JSON-RPC message; false when the client has gone. */
    boolean send(JsonObject message);

    boolean isOpen();

    /** Ends the response. */
    void close();
}
