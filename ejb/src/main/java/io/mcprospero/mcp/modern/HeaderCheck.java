package io.mcprospero.mcp.modern;

import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.mcp.McpHeaders;
import io.mcprospero.mcp.McpRequest;
import io.mcprospero.mcp.ProtocolVersions;
import jakarta.json.JsonString;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * 2026-07-28's rule that the headers an intermediary may route on say what the body says: MCP-Protocol-Version equals
 * _meta's version, Mcp-Method the method, Mcp-Name the tool, resource or prompt named (after decoding the Base64
 * sentinel form). A header missing, malformed or unlike the body is a HeaderMismatch (-32020, HTTP 400).
 * <p>
 * One rule bends unless {@code strict}: a header of 2025-11-25 over a _meta of 2026-07-28 is served by the _meta,
 * because Claude's clients have been seen sending exactly that (claude-code#93290); the body is what this server
 * executes, so nothing downstream trusts the header.
 */
public final class HeaderCheck {

    private static final Set<String> NAMED_METHODS = Set.of("tools/call", "prompts/get");
    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";

    private HeaderCheck() {
    }

    public static void check(McpRequest request, RequestMeta meta, boolean strict) {
        McpHeaders headers = request.headers();
        String version = headers.protocolVersion();
        if (version == null) {
            throw mismatch("the MCP-Protocol-Version header is required and must equal params._meta[\""
                    + RequestMeta.PROTOCOL_VERSION + "\"] (" + meta.protocolVersion() + ")");
        }
        boolean claudeShape = !strict && ProtocolVersions.isLegacy(version) && ProtocolVersions.isModern(meta.protocolVersion());
        if (!version.equals(meta.protocolVersion()) && !claudeShape) {
            throw mismatch("MCP-Protocol-Version header value '" + version + "' does not match body value '"
                    + meta.protocolVersion() + "'");
        }
        if (headers.method() == null) {
            throw mismatch("the Mcp-Method header is required and must equal the body's method (" + request.method() + ")");
        }
        if (!headers.method().equals(request.method())) {
            throw mismatch("Mcp-Method header value '" + headers.method() + "' does not match body value '" + request.method() + "'");
        }
        String named = bodyName(request);
        if (named == null) {
            return;
        }
        if (headers.name() == null) {
            throw mismatch("the Mcp-Name header is required for " + request.method() + " and must equal '" + named + "'");
        }
        String name = decoded(headers.name());
        if (!name.equals(named)) {
            throw mismatch("Mcp-Name header value '" + name + "' does not match body value '" + named + "'");
        }
    }

    /** params.name (tools/call, prompts/get) or params.uri (resources/read): what Mcp-Name mirrors; null otherwise. */
    private static String bodyName(McpRequest request) {
        String field = NAMED_METHODS.contains(request.method()) ? "name" : "resources/read".equals(request.method()) ? "uri" : null;
        return field != null && request.params().get(field) instanceof JsonString value ? value.getString() : null;
    }

    /** A header value as sent, or decoded from {@code =?base64?...?=}; refuses values no client may send. */
    static String decoded(String header) {
        if (header.startsWith(SENTINEL_START) && header.endsWith(SENTINEL_END)
                && header.length() >= SENTINEL_START.length() + SENTINEL_END.length()) {
            String encoded = header.substring(SENTINEL_START.length(), header.length() - SENTINEL_END.length());
            try {
                byte[] bytes = Base64.getDecoder().decode(encoded);
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw mismatch("Mcp-Name is not valid Base64 of UTF-8 text between =?base64? and ?=");
            }
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                throw mismatch("Mcp-Name has characters a header may not carry; send them as =?base64?...?=");
            }
        }
        return header;
    }

    private static JsonRpcError mismatch(String message) {
        return new JsonRpcError(JsonRpcError.HEADER_MISMATCH, "Header mismatch: " + message);
    }
}
