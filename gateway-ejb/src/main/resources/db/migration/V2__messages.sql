-- Outbound messages (one row per recipient) and their SMPP parts, daily quota counters, the
-- companies' destination restrictions and the reply paths of the sender-number pool.

CREATE TABLE sms_message (
    id                    BIGINT PRIMARY KEY,
    user_id               BIGINT NOT NULL REFERENCES gateway_user (id),
    company_id            BIGINT NOT NULL REFERENCES company (id),
    department_id         BIGINT REFERENCES department (id),
    destination           VARCHAR(20) NOT NULL,
    sender_number         VARCHAR(20) NOT NULL,
    content               BYTEA NOT NULL,
    data_coding           SMALLINT NOT NULL,
    segments              INTEGER NOT NULL,
    status                VARCHAR(16) NOT NULL,
    attempts              INTEGER NOT NULL,
    last_error            VARCHAR(255),
    delivery_confirmation BOOLEAN NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_at          TIMESTAMP WITH TIME ZONE,
    next_attempt_at       TIMESTAMP WITH TIME ZONE,
    submitted_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT NOT NULL
);
CREATE INDEX sms_message_user ON sms_message (user_id, created_at);
CREATE INDEX sms_message_status ON sms_message (status, next_attempt_at);

CREATE TABLE sms_part (
    id              BIGINT PRIMARY KEY,
    message_id      BIGINT NOT NULL REFERENCES sms_message (id) ON DELETE CASCADE,
    part_number     INTEGER NOT NULL,
    smsc_message_id VARCHAR(64),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sms_part_number_unique UNIQUE (message_id, part_number)
);
CREATE INDEX sms_part_smsc_id ON sms_part (smsc_message_id);

CREATE TABLE daily_usage (
    scope      VARCHAR(16) NOT NULL,
    scope_id   BIGINT NOT NULL,
    usage_day  DATE NOT NULL,
    segments   INTEGER NOT NULL,
    PRIMARY KEY (scope, scope_id, usage_day)
);

CREATE TABLE destination_restriction (
    company_id BIGINT NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    number     VARCHAR(20) NOT NULL,
    PRIMARY KEY (company_id, number)
);

CREATE TABLE reply_path (
    recipient     VARCHAR(20) NOT NULL,
    sender_number VARCHAR(20) NOT NULL,
    user_id       BIGINT NOT NULL REFERENCES gateway_user (id),
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (recipient, sender_number)
);
CREATE INDEX reply_path_user ON reply_path (user_id);
