-- The PKCE verifier of a pending connect request is sealed like a secret (AES-256-GCM under a data key of the request's
-- org, org_id in the encryption context) instead of kept in clear. Requests opened before this version held theirs in
-- clear: they are dropped, and the person asks for a new link (a link lives 15 minutes anyway).
DELETE FROM connect_requests WHERE code_verifier IS NOT NULL;
ALTER TABLE connect_requests DROP COLUMN code_verifier;
ALTER TABLE connect_requests ADD COLUMN verifier_sealed BYTEA;
ALTER TABLE connect_requests ADD COLUMN verifier_nonce BYTEA;
ALTER TABLE connect_requests ADD COLUMN verifier_data_key BYTEA;
ALTER TABLE connect_requests ADD COLUMN verifier_key_id VARCHAR(2048);
