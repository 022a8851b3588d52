-- What the SMSC delivered (deliver_sm), stored before deliver_sm_resp and kept until it has been
-- processed: the record of inbound work, as sms_message is of outbound work. The inbound queue
-- only prompts. A row that cannot be processed yet (a receipt ahead of its submit's
-- acknowledgement) waits for next_attempt_at; one given up keeps its last_error and no next attempt.
CREATE TABLE inbound_pdu (
    id                   BIGINT PRIMARY KEY,
    receipt              BOOLEAN NOT NULL,
    source_addr          VARCHAR(65),
    destination_addr     VARCHAR(65),
    esm_class            INTEGER NOT NULL,
    data_coding          INTEGER NOT NULL,
    short_message        BYTEA NOT NULL,
    receipted_message_id VARCHAR(65),
    message_state        INTEGER,
    sar_reference        INTEGER,
    sar_total            INTEGER,
    sar_sequence         INTEGER,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts             INTEGER NOT NULL,
    next_attempt_at      TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(255)
);
CREATE INDEX inbound_pdu_due ON inbound_pdu (next_attempt_at);

-- Never read (receipts are matched on smsc_id_key), yet written with every acknowledgement.
DROP INDEX sms_part_smsc_id;
