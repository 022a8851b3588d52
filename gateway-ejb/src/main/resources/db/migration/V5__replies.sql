-- Mobile-originated replies from handsets: the contact's name as the sender wrote it, the fragments of
-- concatenated replies until the last one arrives, every reply as received and where it was
-- routed, and the mail headers that let mail clients thread a conversation.

ALTER TABLE sms_message ADD COLUMN contact_name VARCHAR(100);
CREATE INDEX sms_message_conversation ON sms_message (destination, sender_number, created_at);

-- One row per concatenated reply being reassembled; locked while a fragment is added.
CREATE TABLE reply_fragment_group (
    handset         VARCHAR(20) NOT NULL,
    pool_number     VARCHAR(20) NOT NULL,
    reference       INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (handset, pool_number, reference)
);

CREATE TABLE reply_fragment (
    handset         VARCHAR(20) NOT NULL,
    pool_number     VARCHAR(20) NOT NULL,
    reference       INTEGER NOT NULL,
    sequence_number INTEGER NOT NULL,
    data_coding     SMALLINT NOT NULL,
    payload         BYTEA NOT NULL,
    PRIMARY KEY (handset, pool_number, reference, sequence_number),
    FOREIGN KEY (handset, pool_number, reference)
        REFERENCES reply_fragment_group (handset, pool_number, reference) ON DELETE CASCADE
);

CREATE TABLE sms_reply (
    id                  BIGINT PRIMARY KEY,
    handset             VARCHAR(20) NOT NULL,
    pool_number         VARCHAR(20) NOT NULL,
    user_id             BIGINT REFERENCES gateway_user (id),
    answered_message_id BIGINT REFERENCES sms_message (id),
    content             BYTEA NOT NULL,
    segments            INTEGER NOT NULL,
    mailed_to           VARCHAR(254),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
-- Also serves the unrouted replies (user_id IS NULL) that administrators look at.
CREATE INDEX sms_reply_user ON sms_reply (user_id, received_at);

ALTER TABLE mail_outbox ADD COLUMN message_id VARCHAR(200);
ALTER TABLE mail_outbox ADD COLUMN in_reply_to VARCHAR(200);
