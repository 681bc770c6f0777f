-- Units held against an org's day for one model turn while its call is in flight, keyed by the run and turn. A step
-- retried after a crash (kill -9, a lost instance) finds the hold its dead attempt left and releases it before it
-- holds again, so a turn is charged once however often it is attempted; settling the turn deletes the hold.
CREATE TABLE budget_holds (
    hold_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    org_id     VARCHAR(36)  NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    usage_day  DATE         NOT NULL,
    units      BIGINT       NOT NULL,
    held_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
