-- The administration portal: each company's login criteria, departments that can be
-- deleted while their history stays in the reports, and the indexes the reports page by.

ALTER TABLE company ADD COLUMN password_min_length INTEGER DEFAULT 10 NOT NULL;
-- How many of the four character classes (lower case, upper case, digits, others) a password needs.
ALTER TABLE company ADD COLUMN password_classes INTEGER DEFAULT 3 NOT NULL;
-- Null: the gateway-wide gateway.lockout.* settings apply.
ALTER TABLE company ADD COLUMN lockout_threshold INTEGER;
ALTER TABLE company ADD COLUMN lockout_minutes INTEGER;

ALTER TABLE department ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX sms_message_company_created ON sms_message (company_id, created_at);
CREATE INDEX sms_message_department_created ON sms_message (department_id, created_at);
