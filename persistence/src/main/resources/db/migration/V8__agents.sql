-- Agents, their immutable versions, their runs, and the orgs' daily budgets of units.
-- A change to an agent is a new row in agent_versions; agents.current_version is the latest, approved_version the
-- one the person approved (null until then). Runs name the version they ran.

CREATE TABLE agents (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    org_id              VARCHAR(36)   NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name                VARCHAR(100)  NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    current_version     INTEGER       NOT NULL,
    approved_version    INTEGER,
    created_by          VARCHAR(36)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    webhook_secret_hash VARCHAR(64),
    version             BIGINT        NOT NULL,
    CONSTRAINT agents_org_name_unique UNIQUE (org_id, name)
);

CREATE TABLE agent_versions (
    agent_id    VARCHAR(36)   NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    version_number INTEGER    NOT NULL,
    spec        TEXT          NOT NULL,
    manifest    TEXT          NOT NULL,
    created_by  VARCHAR(36)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by VARCHAR(36),
    approved_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (agent_id, version_number)
);

-- A run's transcript and an agent's notes (the remember tool) are sealed as secrets of the agent's org (kinds
-- RUN_TRANSCRIPT and AGENT_NOTES): the same envelope encryption, org binding and key rotation as account tokens.
CREATE TABLE agent_runs (
    id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    agent_id      VARCHAR(36)   NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    org_id        VARCHAR(36)   NOT NULL,
    agent_version INTEGER       NOT NULL,
    run_trigger   VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    reason        VARCHAR(2000),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    turns         INTEGER       NOT NULL,
    tool_calls    INTEGER       NOT NULL,
    units         BIGINT        NOT NULL,
    trace_id      VARCHAR(32),
    span_id       VARCHAR(16),
    version       BIGINT        NOT NULL
);
CREATE INDEX agent_runs_agent ON agent_runs (agent_id, started_at);

-- units an org has used per UTC day; charged with an atomic update, so two racing runs add up
CREATE TABLE org_usage (
    org_id  VARCHAR(36) NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    usage_day DATE      NOT NULL,
    units   BIGINT      NOT NULL,
    PRIMARY KEY (org_id, usage_day)
);

-- an org's daily budget when an admin has set one (else mcprospero.agents.daily-units)
CREATE TABLE org_budgets (
    org_id      VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    daily_units BIGINT      NOT NULL
);

-- Links to the approval page, for clients that cannot ask the person: single-use, short-lived, for one person and
-- one exact version; only the hash of the link's secret is kept.
CREATE TABLE agent_approval_links (
    token_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    agent_id       VARCHAR(36)  NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    version_number INTEGER      NOT NULL,
    user_id        VARCHAR(36)  NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
