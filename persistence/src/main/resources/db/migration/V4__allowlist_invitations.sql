-- The signup allowlist kept by platform admins (on top of mcprospero.signup.allowlist in configuration), and
-- invitations: memberships waiting for a person to sign in. Same script on H2 and PostgreSQL: portable
-- types, application-generated UUID ids, no IDENTITY. An accepted invitation is deleted as its membership
-- is created, so a row here is always pending (and no nullable timestamp is ever bound, see V2).

CREATE TABLE signup_allowlist (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    entry       VARCHAR(320) NOT NULL,
    added_by    VARCHAR(320) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT signup_allowlist_entry_unique UNIQUE (entry)
);

CREATE TABLE invitations (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(36)  NOT NULL REFERENCES orgs (id),
    email       VARCHAR(320) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    invited_by  VARCHAR(36)  NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT invitations_org_email_unique UNIQUE (org_id, email)
);
CREATE INDEX invitations_email_idx ON invitations (email);
