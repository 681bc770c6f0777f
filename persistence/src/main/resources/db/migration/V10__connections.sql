-- Connected accounts (Google, Slack) of an org, the single-use requests that connect them, and the platform's
-- switches for agent tools. Token values are never here: they are secrets of the org (kind OAUTH_TOKEN, name
-- connection/<provider>), envelope-encrypted with org_id in the encryption context.

CREATE TABLE connections (
    org_id        VARCHAR(36)   NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    provider      VARCHAR(20)   NOT NULL,
    account       VARCHAR(320),
    connected_by  VARCHAR(36)   NOT NULL,
    connected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (org_id, provider)
);

-- A connect link (link_hash) is opened once; the state sent to the provider (state_hash) comes back once. Both
-- are stored hashed; the PKCE verifier lives only until the callback.
CREATE TABLE connect_requests (
    link_hash     VARCHAR(64)   NOT NULL PRIMARY KEY,
    state_hash    VARCHAR(64),
    org_id        VARCHAR(36)   NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id       VARCHAR(36)   NOT NULL,
    provider      VARCHAR(20)   NOT NULL,
    code_verifier VARCHAR(128),
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX connect_requests_state ON connect_requests (state_hash);

-- An admin's switch of a tool family (gmail, calendar, slack, whatsapp); without a row, configuration decides
CREATE TABLE tool_switches (
    family      VARCHAR(20)   NOT NULL PRIMARY KEY,
    enabled     BOOLEAN       NOT NULL,
    changed_by  VARCHAR(320)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
