-- Accounts: tenants (companies), cost centres (departments), users, add-in activations and the
-- login audit. Plain SQL that H2 2.x and PostgreSQL both accept.

CREATE SEQUENCE gw_id_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE company (
    id                    BIGINT PRIMARY KEY,
    name                  VARCHAR(120) NOT NULL,
    home_country          VARCHAR(2) NOT NULL,
    time_zone             VARCHAR(64) NOT NULL,
    status                VARCHAR(16) NOT NULL,
    daily_quota           INTEGER,
    split_long_messages   BOOLEAN NOT NULL,
    max_segments          INTEGER NOT NULL,
    delivery_confirmation BOOLEAN NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL,
    CONSTRAINT company_name_unique UNIQUE (name)
);

CREATE TABLE company_allowed_country (
    company_id BIGINT NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    country    VARCHAR(2) NOT NULL,
    PRIMARY KEY (company_id, country)
);

CREATE TABLE department (
    id          BIGINT PRIMARY KEY,
    company_id  BIGINT NOT NULL REFERENCES company (id),
    name        VARCHAR(120) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    daily_quota INTEGER,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT department_name_unique UNIQUE (company_id, name)
);

CREATE TABLE gateway_user (
    id                   BIGINT PRIMARY KEY,
    company_id           BIGINT REFERENCES company (id),
    department_id        BIGINT REFERENCES department (id),
    username             VARCHAR(120) NOT NULL,
    email                VARCHAR(254) NOT NULL,
    mobile               VARCHAR(20),
    role                 VARCHAR(24) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    password_hash        VARCHAR(512) NOT NULL,
    failed_attempts      INTEGER DEFAULT 0 NOT NULL,
    failure_window_start TIMESTAMP WITH TIME ZONE,
    locked_until         TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    CONSTRAINT gateway_user_username_unique UNIQUE (username)
);
CREATE INDEX gateway_user_company ON gateway_user (company_id);
CREATE INDEX gateway_user_department ON gateway_user (department_id);

CREATE TABLE activation (
    id           BIGINT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES gateway_user (id),
    serial_hash  VARCHAR(64) NOT NULL,
    client_info  VARCHAR(255),
    client_ip    VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT activation_serial_unique UNIQUE (serial_hash)
);
CREATE INDEX activation_user ON activation (user_id);

CREATE TABLE login_attempt (
    id           BIGINT PRIMARY KEY,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(120) NOT NULL,
    client_ip    VARCHAR(64),
    channel      VARCHAR(16) NOT NULL,
    outcome      VARCHAR(24) NOT NULL
);
CREATE INDEX login_attempt_time ON login_attempt (attempted_at);
CREATE INDEX login_attempt_username ON login_attempt (username);
