package io.mcprospero.mcp;

import java.util.List;

/**
 * The MCP revisions this server speaks, newest first: 2026-07-28 (modern: stateless, per-request _meta) and the
 * session-based revisions before it (legacy: an initialize handshake opens a session).
 */
public final class ProtocolVersions {

    public static final String MODERN = "2026-07-28";
    public static final List<String> MODERN_VERSIONS = List.of(MODERN);
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26");
    /** Every revision, as server/discover and UnsupportedProtocolVersion list them. */
    public static final List<String> ALL = List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26");
    public static final String LATEST_LEGACY = LEGACY.get(0);

    private ProtocolVersions() {
    }

    public static boolean isModern(String version) {
        return version != null && MODERN_VERSIONS.contains(version);
    }

    public static boolean isLegacy(String version) {
        return version != null && LEGACY.contains(version);
    }

    /** initialize: the client's legacy version when we speak it, else our latest legacy one; the client then decides. */
    public static String negotiateLegacy(String requested) {
        return isLegacy(requested) ? requested : LATEST_LEGACY;
    }
}
