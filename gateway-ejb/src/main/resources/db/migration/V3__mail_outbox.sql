-- Every email the gateway sends waits here until the SMTP server has taken it. Bodies may quote
-- message content, so they are encrypted like it.

CREATE TABLE mail_outbox (
    id              BIGINT PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    body            BYTEA NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
