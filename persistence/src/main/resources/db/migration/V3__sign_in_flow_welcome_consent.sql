-- Sign-in through an upstream OpenID Connect provider, the welcome interstitial and remembered consent.
-- Portable across H2 and PostgreSQL: one column per ALTER statement.

-- What the person told us at the welcome page, and which terms they accepted.
ALTER TABLE users ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE users ADD COLUMN terms_version VARCHAR(64);
ALTER TABLE users ADD COLUMN terms_accepted_at TIMESTAMP WITH TIME ZONE;
-- Who the upstream identity provider said this is (OIDC mode): issuer + subject, and the upstream org.
ALTER TABLE users ADD COLUMN upstream_issuer VARCHAR(512);
ALTER TABLE users ADD COLUMN upstream_subject VARCHAR(255);
ALTER TABLE users ADD COLUMN upstream_org_id VARCHAR(255);

-- The browser flow between /oauth/authorize and the redirect back to the client: which browser started it
-- (hash of a cookie), the CSRF token of its forms, who signed in, and the upstream leg's state, nonce and
-- PKCE verifier.
ALTER TABLE authorization_requests ADD COLUMN browser_hash VARCHAR(64);
ALTER TABLE authorization_requests ADD COLUMN csrf_token VARCHAR(64);
ALTER TABLE authorization_requests ADD COLUMN user_id VARCHAR(36);
ALTER TABLE authorization_requests ADD COLUMN authenticated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE authorization_requests ADD COLUMN upstream_state VARCHAR(64);
ALTER TABLE authorization_requests ADD COLUMN upstream_nonce VARCHAR(64);
ALTER TABLE authorization_requests ADD COLUMN upstream_verifier VARCHAR(128);
CREATE UNIQUE INDEX authorization_requests_upstream_state_idx ON authorization_requests (upstream_state);

-- A person's consent that a client may act for them; asked once per user and client.
CREATE TABLE consents (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id     VARCHAR(36)   NOT NULL REFERENCES users (id),
    client_id   VARCHAR(2048) NOT NULL,
    scope       VARCHAR(1024),
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT consents_user_client_unique UNIQUE (user_id, client_id)
);
