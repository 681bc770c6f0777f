-- Identity and OAuth hardening (issue 16).

-- Expired authorization requests are deleted by the next request (AuthorizationRequests.purgeExpired).
CREATE INDEX authorization_requests_expires_idx ON authorization_requests (expires_at);

-- One account per upstream identity: an OIDC person is (issuer, subject); a second account can never be linked to it.
-- Before, each sign-in overwrote the stored subject, so one subject may be on several accounts (someone signed in with
-- another account's email). Those links cannot be trusted: they are cleared, and each account is linked again by its
-- next sign-in with a verified email, or reset by a platform admin.
UPDATE users SET upstream_issuer = NULL, upstream_subject = NULL
 WHERE (upstream_issuer, upstream_subject) IN (SELECT upstream_issuer, upstream_subject FROM users
                                               WHERE upstream_subject IS NOT NULL
                                               GROUP BY upstream_issuer, upstream_subject HAVING COUNT(*) > 1);
CREATE UNIQUE INDEX users_upstream_identity_idx ON users (upstream_issuer, upstream_subject);

-- Wrong access codes entered on one sign-in page (local sign-in): the request ends at the limit.
ALTER TABLE authorization_requests ADD COLUMN failed_codes INTEGER DEFAULT 0 NOT NULL;

-- Invitations wait until their person accepts; a sign-in offers them once (the invitations page).
ALTER TABLE authorization_requests ADD COLUMN invitations_offered BOOLEAN DEFAULT FALSE NOT NULL;
