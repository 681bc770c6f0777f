-- Identity and OAuth hardening (issue 16).

-- Expired authorization requests are deleted by the next request (AuthorizationRequests.purgeExpired).
CREATE INDEX authorization_requests_expires_idx ON authorization_requests (expires_at);

-- One account per upstream identity: an OIDC person is (issuer, subject); a second account can never be linked to it.
CREATE UNIQUE INDEX users_upstream_identity_idx ON users (upstream_issuer, upstream_subject);

-- Wrong access codes entered on one sign-in page (local sign-in): the request ends at the limit.
ALTER TABLE authorization_requests ADD COLUMN failed_codes INTEGER DEFAULT 0 NOT NULL;

-- Invitations wait until their person accepts; a sign-in offers them once (the invitations page).
ALTER TABLE authorization_requests ADD COLUMN invitations_offered BOOLEAN DEFAULT FALSE NOT NULL;
