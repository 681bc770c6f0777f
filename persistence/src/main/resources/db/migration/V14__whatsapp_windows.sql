-- Meta's webhook for the platform's WhatsApp number (POST /webhooks/whatsapp). When each person last wrote to the
-- number decides whether free text can reach them (the 24-hour customer service window). A number is kept only as a
-- keyed digest (HMAC-SHA256 under the app secret), no message text is kept, and a row older than the window is deleted.
CREATE TABLE whatsapp_windows (
    sender_digest   VARCHAR(64) NOT NULL PRIMARY KEY,
    last_inbound_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX whatsapp_windows_age ON whatsapp_windows (last_inbound_at);

-- Each message whatsapp_send had accepted, with its run, and what Meta's status updates said of it since (sent,
-- delivered, read; failed with Meta's reason): what get_run shows of a message after the run ended.
CREATE TABLE whatsapp_messages (
    message_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    org_id      VARCHAR(36)  NOT NULL,
    run_id      VARCHAR(100) NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    error       VARCHAR(400),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX whatsapp_messages_run ON whatsapp_messages (org_id, run_id);
CREATE INDEX whatsapp_messages_age ON whatsapp_messages (sent_at);
