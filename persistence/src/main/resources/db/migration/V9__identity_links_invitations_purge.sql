-- Identity and OAuth hardening (issue 16).

-- Expired authorization requests are deleted by the next request (AuthorizationRequests.purgeExpired).
CREATE INDEX authorization_requests_expires_idx ON authorization_requests (expires_at);
