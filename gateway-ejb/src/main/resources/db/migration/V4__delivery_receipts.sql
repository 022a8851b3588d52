-- What the handset's network reported for each part (delivery receipts).
ALTER TABLE sms_part ADD COLUMN delivery_state VARCHAR(16);
ALTER TABLE sms_part ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
-- The SMSC's id in one canonical form (no leading zeros, lower case), for matching receipts.
ALTER TABLE sms_part ADD COLUMN smsc_id_key VARCHAR(64);
CREATE INDEX sms_part_smsc_id_key ON sms_part (smsc_id_key);
