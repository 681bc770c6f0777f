package io.mcprospero.web.mcp;

import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body of a POST to /mcp, read defensively: at most {@code maxBytes} (read no further), valid UTF-8, JSON nested
 * at most {@link #MAX_DEPTH} deep (checked before parsing, so that 20,000 brackets cost a scan and not a stack), one
 * JSON-RPC 2.0 object. Anything else is a JSON-RPC error for a 4xx answer, with what was wrong.
 */
final class McpMessage {

    static final int MAX_DEPTH = 64;
    static final int DRAIN_FACTOR = 8;

    private McpMessage() {
    }

    /** The message; throws {@link TooLarge} past the limit, {@link JsonRpcError} for anything malformed. */
    static JsonObject read(InputStream body, long maxBytes) {
        String text = text(body, maxBytes);
        if (text.isBlank()) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body is empty; send one JSON-RPC message");
        }
        int depth = depthOf(text);
        if (depth > MAX_DEPTH) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the JSON is nested more than " + MAX_DEPTH
                    + " levels deep; no MCP message needs that");
        }
        JsonValue value;
        try (JsonReader reader = Jsons.reader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body is not valid JSON");
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "JSON-RPC batches are not supported; send one message per request");
        }
        if (!(value instanceof JsonObject object) || !"2.0".equals(object.get("jsonrpc") instanceof JsonString version
                ? version.getString() : null)) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "the body must be a JSON-RPC 2.0 object (\"jsonrpc\": \"2.0\")");
        }
        return object;
    }

    private static String text(InputStream body, long maxBytes) {
        if (body == null) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body is not UTF-8");
        }
    }

    /**
     * Reads and drops what is left of a body refused for its size, up to {@link #DRAIN_FACTOR} times the limit: an
     * HTTP/2 client cannot finish sending, and so never reads the 413, while its stream's window stays full. Past
     * that the rest stays unread: a client sending that much is not waiting for an answer.
     */
    static void drain(InputStream body, long maxBytes) {
        try {
            long left = maxBytes * DRAIN_FACTOR;
            byte[] sink = new byte[64 * 1024];
            int read;
            while (left > 0 && (read = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing left to drain
        }
    }

    /** The deepest nesting of arrays and objects, outside strings; stops counting once past the limit. */
    static int depthOf(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length() && deepest <= MAX_DEPTH; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /** The body is over the limit: answered 413, and nothing past the limit was read. */
    static final class TooLarge extends RuntimeException {

        private final long limit;

        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
