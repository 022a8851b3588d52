-- Several carriers. A message keeps the carriers its route chose at acceptance, in the order they
-- are tried (null: the default carrier alone); a part keeps the carrier that acknowledged it. Two
-- carriers may hand out the same message id, so the receipt key of a carrier other than the
-- default one carries the carrier's name ("nz/a1f"), and an inbound PDU keeps the carrier it came
-- from (null: the default one).
ALTER TABLE sms_message ADD COLUMN route VARCHAR(200);
ALTER TABLE sms_part ADD COLUMN carrier VARCHAR(32);
ALTER TABLE sms_part ALTER COLUMN smsc_id_key SET DATA TYPE VARCHAR(100);
ALTER TABLE inbound_pdu ADD COLUMN carrier VARCHAR(32);
