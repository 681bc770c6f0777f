-- MCP 2026-07-28 beside the session-based revisions.
-- Portable across H2 and PostgreSQL: one column per ALTER statement.

-- A grant is one sign-in of a person through one client: what a refresh-token family descends from (its id is the
-- family id) and what every access token of that family names (claim gid). It holds the org the person's
-- conversations through that client work in, in both MCP eras, because a 2026-07-28 client has no session; and
-- ending it (RFC 7009 revocation, code or refresh-token reuse, a disabled account) refuses its access tokens at once,
-- on every instance, through the one query every MCP request makes anyway.
CREATE TABLE oauth_grants (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)   NOT NULL REFERENCES users (id),
    client_id       VARCHAR(2048) NOT NULL,
    current_org_id  VARCHAR(36)   NOT NULL REFERENCES orgs (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT        NOT NULL
);
CREATE INDEX oauth_grants_user_idx ON oauth_grants (user_id);

-- Every sign-in that can still refresh gets its grant, working in the person's personal org.
INSERT INTO oauth_grants (id, user_id, client_id, current_org_id, created_at, version)
SELECT r.family_id, r.user_id, MIN(r.client_id), MIN(o.id), MIN(r.issued_at), 0
FROM refresh_tokens r
JOIN memberships m ON m.user_id = r.user_id
JOIN orgs o ON o.id = m.org_id AND o.personal = TRUE
WHERE r.revoked_at IS NULL
GROUP BY r.family_id, r.user_id;

-- A legacy session belongs to a grant and works in the grant's current org, so it keeps no org of its own; sessions
-- opened before this version have no grant and are answered 404, so their clients initialize again.
-- What the client declared at initialize decides whether it is asked questions by elicitation.
ALTER TABLE mcp_sessions ADD COLUMN grant_id VARCHAR(36) REFERENCES oauth_grants (id);
ALTER TABLE mcp_sessions DROP COLUMN current_org_id;
ALTER TABLE mcp_sessions ADD COLUMN client_capabilities VARCHAR(4000);

-- Signals that a person's tool list may have changed (their role, their org, or the platform's tool availability:
-- user_id NULL means everyone), for the instances that hold subscriptions/listen streams. Rows older than an hour
-- are deleted.
CREATE TABLE tool_list_changes (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id     VARCHAR(36),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tool_list_changes_at_idx ON tool_list_changes (changed_at);

-- A legacy (2025-11-25) client's answer to a request the server sent on a response stream (elicitation): the
-- answer is POSTed to /mcp and may reach any instance, so it waits here for the instance that holds the stream.
CREATE TABLE mcp_client_responses (
    session_hash  VARCHAR(64)     NOT NULL,
    request_id    VARCHAR(100)    NOT NULL,
    body          VARCHAR(100000) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_hash, request_id)
);
