-- The end-user licence: the version an activation accepted (null: the client did not say), and
-- whether a company's users must accept the current version to activate.
ALTER TABLE activation ADD COLUMN licence_version VARCHAR(64);
ALTER TABLE company ADD COLUMN require_licence BOOLEAN DEFAULT FALSE NOT NULL;

-- Compression: whether texts from Outlook are compressed with the company's dictionary.
ALTER TABLE company ADD COLUMN oms_compress BOOLEAN DEFAULT FALSE NOT NULL;

-- The compression dictionary: whole words and what they become. A company's entries have no user;
-- a user's own entries go first. word_key is the word in lower case, one entry per owner and key.
CREATE TABLE dictionary_entry (
    id          BIGINT       NOT NULL PRIMARY KEY,
    company_id  BIGINT       NOT NULL,
    user_id     BIGINT,
    word        VARCHAR(40)  NOT NULL,
    word_key    VARCHAR(40)  NOT NULL,
    replacement VARCHAR(40)  NOT NULL,
    CONSTRAINT dictionary_entry_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT dictionary_entry_user FOREIGN KEY (user_id) REFERENCES gateway_user (id)
);
CREATE INDEX dictionary_entry_owner ON dictionary_entry (company_id, user_id);

-- When a message's status last changed, so that a client can keep its activity log complete by
-- asking only for what changed since it last asked (getHistory); replies by when they came.
ALTER TABLE sms_message ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
UPDATE sms_message SET changed_at = COALESCE(submitted_at, created_at);
CREATE INDEX sms_message_user_changed ON sms_message (user_id, changed_at, id);
CREATE INDEX sms_reply_user_received ON sms_reply (user_id, received_at, id);
