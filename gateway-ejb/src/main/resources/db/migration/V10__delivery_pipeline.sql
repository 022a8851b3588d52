-- The delivery pipeline: a node claims due messages in batches and submits them asynchronously.
-- claimed_by names the node (and its start) holding a PENDING message; the claim lasts until
-- next_attempt_at, after which any node may take the message over. priority 0 is interactive (a
-- message to a few recipients), claimed ahead of bulk (1) so that it is never stuck behind a campaign.
ALTER TABLE sms_message ADD COLUMN claimed_by VARCHAR(80);
ALTER TABLE sms_message ADD COLUMN priority SMALLINT DEFAULT 1 NOT NULL;
CREATE INDEX sms_message_claimable ON sms_message (status, priority, id);
