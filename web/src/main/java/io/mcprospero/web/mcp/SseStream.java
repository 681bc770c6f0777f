package io.mcprospero.web.mcp;

import io.mcprospero.mcp.EventStream;
import jakarta.json.JsonObject;
import java.io.IOException;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * A request's Server-Sent Events response on Jersey's chunked output, which holds no thread while it waits: each
 * message is one {@code message} event, and a comment line keeps the connection alive. A write that fails means the
 * client has gone; the stream then reports itself closed, which cancels the request it belongs to.
 */
final class SseStream implements EventStream {

    private final Output output = new Output();

    ChunkedOutput<String> output() {
        return output;
    }

    @Override
    public boolean send(JsonObject message) {
        return write("event: message\ndata: " + message + "\n");
    }

    /** An SSE comment: carries nothing, tells the proxies and the client the stream lives, and finds a gone client. */
    boolean keepAlive() {
        return write(":\n");
    }

    private synchronized boolean write(String chunk) {
        if (output.isClosed()) {
            return false;
        }
        try {
            output.write(chunk);
            return true;
        } catch (IOException | RuntimeException gone) {
            // whatever the container throws when the connection is gone, the client is no longer listening
            close();
            return false;
        }
    }

    @Override
    public boolean isOpen() {
        return !output.isClosed();
    }

    @Override
    public synchronized void close() {
        try {
            output.close();
        } catch (IOException | RuntimeException alreadyGone) {
            // the client left first: nothing to end
        }
    }

    /** Chunks separated by a blank line, which ends an SSE event. */
    private static final class Output extends ChunkedOutput<String> {

        Output() {
            super(String.class, "\n");
        }
    }
}
