-- The audit trail of administrators' actions, from the portal and the SOAP provisioning API alike:
-- who did what to which object of which company (none: the provider's own), when, from where, with
-- the values before and after that matter. Written in the transaction of the change itself, so a
-- refused or rolled-back change leaves no entry.
CREATE TABLE admin_action (
    id          BIGINT        NOT NULL PRIMARY KEY,
    acted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    channel     VARCHAR(12)   NOT NULL,
    client_ip   VARCHAR(64),
    company_id  BIGINT,
    kind        VARCHAR(30)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    details     VARCHAR(2000),
    CONSTRAINT admin_action_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX admin_action_company_at ON admin_action (company_id, acted_at);
CREATE INDEX admin_action_at ON admin_action (acted_at);
