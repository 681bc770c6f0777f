-- The approval page signs the person in with the same flow as /oauth/authorize, but returns to one of MCProspero's own
-- pages instead of an OAuth client: such a request has a return_to path and no client, redirect URI, PKCE or resource.
ALTER TABLE authorization_requests ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE authorization_requests ALTER COLUMN redirect_uri DROP NOT NULL;
ALTER TABLE authorization_requests ALTER COLUMN code_challenge DROP NOT NULL;
ALTER TABLE authorization_requests ALTER COLUMN resource DROP NOT NULL;
ALTER TABLE authorization_requests ADD COLUMN return_to VARCHAR(512);
ALTER TABLE authorization_requests ADD CONSTRAINT authorization_requests_client_or_page CHECK (return_to IS NOT NULL
    OR (client_id IS NOT NULL AND redirect_uri IS NOT NULL AND code_challenge IS NOT NULL AND resource IS NOT NULL));

-- A signed-in browser on MCProspero's own pages (the approval page): short-lived, revocable, one person; only the hash
-- of the cookie's secret is kept. The CSRF token is the one the session's forms must carry.
CREATE TABLE browser_sessions (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id     VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX browser_sessions_expires_idx ON browser_sessions (expires_at);
