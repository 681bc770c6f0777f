package io.mcprospero.persistence.mcp;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A legacy (2025-11-25 and earlier) MCP session, the Mcp-Session-Id, stored by hash in the database so that any
 * instance can serve any request. It belongs to one user's grant (the sign-in whose token opened it), whose current
 * org it works in, and remembers the revision it negotiated and what the client declared it can do.
 */
@Entity
@Table(name = "mcp_sessions")
@NamedQuery(name = McpSession.END_ALL_OF_USER,
        query = "update McpSession s set s.endedAt = :now where s.userId = :userId and s.endedAt is null")
@NamedQuery(name = McpSession.TOUCH,
        query = "update McpSession s set s.lastSeenAt = :now where s.idHash = :idHash and s.lastSeenAt < :now")
public class McpSession {

    public static final String END_ALL_OF_USER = "McpSession.endAllOfUser";
    public static final String TOUCH = "McpSession.touch";

    /** How stale last_seen_at may get before a request refreshes it; keeps most requests free of writes. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @Id
    @Column(name = "id_hash", length = 64)
    private String idHash;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "client_id", length = 2048)
    private String clientId;

    @Column(name = "protocol_version", nullable = false, length = 16)
    private String protocolVersion;

    @Column(name = "grant_id", length = 36)
    private String grantId;

    @Column(name = "client_capabilities", length = 4000)
    private String clientCapabilities;

    @Column(name = "client_name", length = 200)
    private String clientName;

    @Column(name = "client_version", length = 100)
    private String clientVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected McpSession() {
    }

    public McpSession(String idHash, String userId, String grantId, String clientId, String protocolVersion,
                      String clientCapabilities, String clientName, String clientVersion, Instant now) {
        this.idHash = Require.text(idHash, "session id hash", 64);
        this.userId = Require.text(userId, "user id", 36);
        this.clientId = clientId;
        this.protocolVersion = Require.text(protocolVersion, "protocol version", 16);
        this.grantId = Require.text(grantId, "grant id", 36);
        this.clientCapabilities = clientCapabilities == null || clientCapabilities.length() > 4000 ? null : clientCapabilities;
        this.clientName = truncate(clientName, 200);
        this.clientVersion = truncate(clientVersion, 100);
        this.createdAt = Require.present(now, "creation time");
        this.lastSeenAt = now;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    /** Whether the session has seen no request since the given instant. */
    public boolean isIdleSince(Instant cutoff) {
        return isIdleSince(lastSeenAt, cutoff);
    }

    static boolean isIdleSince(Instant lastSeenAt, Instant cutoff) {
        return lastSeenAt.isBefore(cutoff);
    }

    static boolean isTouchDue(Instant lastSeenAt, Instant now) {
        return Duration.between(lastSeenAt, now).compareTo(TOUCH_INTERVAL) >= 0;
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }


    public String idHash() {
        return idHash;
    }

    public String userId() {
        return userId;
    }

    public String clientId() {
        return clientId;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public String grantId() {
        return grantId;
    }

    public String clientName() {
        return clientName;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
