-- Security hardening: sign-in throttles for unknown usernames and client addresses, serials kept
-- under a keyed hash, reply paths owned by a company, companies' own sender numbers, and passwords
-- that must be changed at the next sign-in.

-- Failed sign-ins of subjects that are not a user row: 'name:<username>' for unknown usernames
-- (they lock like known ones) and 'ip:<address>' for the per-client limit across usernames.
CREATE TABLE login_throttle (
    subject       VARCHAR(200) PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE
);

-- FALSE: serial_hash is the plain SHA-256 of earlier versions, rewritten as HMAC at its next use.
ALTER TABLE activation ADD COLUMN keyed BOOLEAN DEFAULT FALSE NOT NULL;

-- A pair (handset, sender number) belongs to one company while it is live.
ALTER TABLE reply_path ADD COLUMN company_id BIGINT REFERENCES company (id);
UPDATE reply_path SET company_id = (SELECT u.company_id FROM gateway_user u WHERE u.id = reply_path.user_id);

-- Sender numbers a provider gives to one company; they are used before the shared pool.
CREATE TABLE company_sender_number (
    sender_number VARCHAR(20) PRIMARY KEY,
    company_id    BIGINT NOT NULL REFERENCES company (id)
);
CREATE INDEX company_sender_number_company ON company_sender_number (company_id);

ALTER TABLE gateway_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE gateway_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
