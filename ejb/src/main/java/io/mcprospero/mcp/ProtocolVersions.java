package io.mcprospero.mcp;

import java.util.List;

/** The MCP protocol revisions this server speaks, newest first. */
public final class ProtocolVersions {

    public static final List<String> SUPPORTED = List.of("2025-11-25", "2025-06-18", "2025-03-26");
    public static final String LATEST = SUPPORTED.get(0);
    /** What a request without an MCP-Protocol-Version header is taken to speak (the spec's rule for old clients). */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** The client's version when we speak it, else our latest; the client then decides whether to go on. */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }
}
