package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Progress as notifications/progress on the request's own response stream (both eras send it so); the client closing
 * that stream cancels the call.
 */
public final class StreamProgress implements Progress {

    private final EventStream stream;
    private final JsonValue token;

    public StreamProgress(EventStream stream, JsonValue token) {
        this.stream = stream;
        this.token = token;
    }

    @Override
    public void report(double done, Double total, String message) {
        JsonObjectBuilder params = Jsons.object().add("progressToken", token).add("progress", done);
        if (total != null) {
            params.add("total", total);
        }
        if (message != null) {
            params.add("message", message);
        }
        stream.send(JsonRpc.notification("notifications/progress", params.build()));
    }

    @Override
    public boolean cancelled() {
        return !stream.isOpen();
    }
}
