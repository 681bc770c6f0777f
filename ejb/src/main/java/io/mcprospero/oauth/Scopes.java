package io.mcprospero.oauth;

import java.util.Arrays;
import java.util.Set;

/**
 * The scopes this authorization server advertises ({@code scopes_supported}) and what a request is granted of what it
 * asked: only advertised scopes, whatever else it names (RFC 6749 §3.3 lets the server grant less, and the token
 * response then says what was granted). A request that names none of them gets the default, {@code mcp}.
 */
public final class Scopes {

    public static final String MCP = "mcp";
    public static final Set<String> SUPPORTED = Set.of(MCP);

    private Scopes() {
    }

    public static String granted(String requested) {
        if (requested == null || requested.isBlank()) {
            return MCP;
        }
        return Arrays.stream(requested.strip().split("\\s+")).filter(SUPPORTED::contains).distinct().sorted()
                .reduce((a, b) -> a + " " + b).orElse(MCP);
    }
}
