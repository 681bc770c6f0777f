-- Envelope-encrypted secrets (connected accounts' tokens, API keys, webhook secrets), one row per secret.
-- BYTEA is PostgreSQL's binary type and an alias of BINARY VARYING in H2 2.x, so the same script serves both.
-- A row decrypts only with the master key (AWS KMS or the local key file) and only for its own org:
-- org_id is bound into the data key's encryption context and, with name and kind, into the ciphertext.
-- wrapped_at (the last write or re-wrap of the data key) is NOT NULL on purpose: EclipseLink binds a null
-- Instant through InstantConverter as VARCHAR, which PostgreSQL refuses for a timestamp column.

CREATE TABLE secrets (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    org_id              VARCHAR(36)   NOT NULL REFERENCES orgs (id),
    name                VARCHAR(200)  NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    ciphertext          BYTEA         NOT NULL,
    nonce               BYTEA         NOT NULL,
    encrypted_data_key  BYTEA         NOT NULL,
    key_id              VARCHAR(2048) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    wrapped_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT secrets_org_name_unique UNIQUE (org_id, name)
);
