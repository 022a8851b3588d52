-- Outlook's own text messaging (the Office Mobile Service protocol): where each message came from,
-- messages whose parts go as separate SMS rather than as one concatenated text, each company's
-- settings for Outlook, and reply emails marked so that Outlook shows them as text messages.
ALTER TABLE sms_message ADD COLUMN source VARCHAR(16) DEFAULT 'ADD_IN' NOT NULL;
ALTER TABLE sms_message ADD COLUMN separate_parts BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE company ADD COLUMN oms_enabled BOOLEAN DEFAULT TRUE NOT NULL;
-- The automatic sources the company accepts from Outlook and SharePoint, comma-separated.
ALTER TABLE company ADD COLUMN oms_sources VARCHAR(120) DEFAULT 'REMINDER,CAL_SUMMARY,RULE_BASED,WSS_ALERT' NOT NULL;

ALTER TABLE mail_outbox ADD COLUMN reply_to_mobile VARCHAR(20);
