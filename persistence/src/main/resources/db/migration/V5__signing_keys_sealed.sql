-- The private half of each signing key, envelope-encrypted like a secret (AES-256-GCM under a data key from the
-- key management service, encryption context purpose=oauth-signing-key and the key's kid), so that a copy of the
-- database does not let its holder sign access tokens. private_jwk (the key in clear) is what rows written before
-- this version hold; the server seals such rows at its next start and empties the column.
ALTER TABLE signing_keys ADD COLUMN sealed_private_jwk BYTEA;
ALTER TABLE signing_keys ADD COLUMN nonce BYTEA;
ALTER TABLE signing_keys ADD COLUMN encrypted_data_key BYTEA;
ALTER TABLE signing_keys ADD COLUMN key_id VARCHAR(2048);
ALTER TABLE signing_keys ALTER COLUMN private_jwk DROP NOT NULL;
