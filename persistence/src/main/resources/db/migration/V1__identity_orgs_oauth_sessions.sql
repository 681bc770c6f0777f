-- The walking skeleton's schema. The same script runs on H2 (embedded) and PostgreSQL (production):
-- portable types only, ids are application-generated UUIDs (no IDENTITY), unbounded text is VARCHAR(100000).

CREATE TABLE users (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200),
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE orgs (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    personal    BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL
);

CREATE TABLE memberships (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    org_id      VARCHAR(36) NOT NULL REFERENCES orgs (id),
    user_id     VARCHAR(36) NOT NULL REFERENCES users (id),
    role        VARCHAR(16) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT      NOT NULL,
    CONSTRAINT memberships_org_user_unique UNIQUE (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE oauth_clients (
    client_id                   VARCHAR(2048)   NOT NULL PRIMARY KEY,
    kind                        VARCHAR(24)     NOT NULL,
    client_name                 VARCHAR(200),
    redirect_uris               VARCHAR(100000) NOT NULL,
    token_endpoint_auth_method  VARCHAR(32)     NOT NULL,
    client_secret_hash          VARCHAR(64),
    metadata_json               VARCHAR(100000) NOT NULL,
    registered_from             VARCHAR(64),
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at                TIMESTAMP WITH TIME ZONE,
    expires_at                  TIMESTAMP WITH TIME ZONE,
    version                     BIGINT NOT NULL
);

CREATE TABLE authorization_requests (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id       VARCHAR(2048) NOT NULL,
    redirect_uri    VARCHAR(2048) NOT NULL,
    state           VARCHAR(2048),
    code_challenge  VARCHAR(128)  NOT NULL,
    resource        VARCHAR(2048) NOT NULL,
    scope           VARCHAR(1024),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL
);

CREATE TABLE authorization_codes (
    code_hash        VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id        VARCHAR(2048) NOT NULL,
    user_id          VARCHAR(36)   NOT NULL REFERENCES users (id),
    redirect_uri     VARCHAR(2048) NOT NULL,
    code_challenge   VARCHAR(128)  NOT NULL,
    resource         VARCHAR(2048) NOT NULL,
    scope            VARCHAR(1024),
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_at      TIMESTAMP WITH TIME ZONE,
    token_family_id  VARCHAR(36),
    version          BIGINT NOT NULL
);

CREATE TABLE refresh_tokens (
    token_hash  VARCHAR(64)   NOT NULL PRIMARY KEY,
    family_id   VARCHAR(36)   NOT NULL,
    client_id   VARCHAR(2048) NOT NULL,
    user_id     VARCHAR(36)   NOT NULL REFERENCES users (id),
    resource    VARCHAR(2048) NOT NULL,
    scope       VARCHAR(1024),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT NOT NULL
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE mcp_sessions (
    id_hash           VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id           VARCHAR(36)   NOT NULL REFERENCES users (id),
    client_id         VARCHAR(2048),
    protocol_version  VARCHAR(16)   NOT NULL,
    current_org_id    VARCHAR(36)   NOT NULL REFERENCES orgs (id),
    client_name       VARCHAR(200),
    client_version    VARCHAR(100),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL
);
CREATE INDEX mcp_sessions_user_idx ON mcp_sessions (user_id);

CREATE TABLE signing_keys (
    kid          VARCHAR(64)     NOT NULL PRIMARY KEY,
    algorithm    VARCHAR(16)     NOT NULL,
    public_jwk   VARCHAR(100000) NOT NULL,
    private_jwk  VARCHAR(100000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL
);
