-- Carriers the provider's administrators add in the portal or through SOAP provisioning, beside
-- those of the configuration (gateway.smsc.*, gateway.carriers), which stay read-only. Passwords
-- are kept encrypted under the content key and never shown back. Every node binds to what is here
-- within a bind check of a change.
CREATE TABLE carrier (
    name                        VARCHAR(32)   NOT NULL PRIMARY KEY,
    host                        VARCHAR(255)  NOT NULL,
    port                        INTEGER       NOT NULL,
    system_id                   VARCHAR(16)   NOT NULL,
    password_sealed             BYTEA,
    system_type                 VARCHAR(13)   NOT NULL,
    binds                       INTEGER       NOT NULL,
    bind_window                 INTEGER       NOT NULL,
    throughput                  INTEGER       NOT NULL,
    source_ton                  INTEGER       NOT NULL,
    source_npi                  INTEGER       NOT NULL,
    validity_period             VARCHAR(40),
    receipts                    BOOLEAN       NOT NULL,
    tls                         BOOLEAN       NOT NULL,
    trust_store                 VARCHAR(500),
    trust_store_password_sealed BYTEA
);
