-- Bulk uploads of users, kept in the database so that the page can be left and come back to and a
-- node that goes away mid-upload leaves its rows to another: an upload and each of its rows, PENDING
-- until created or refused (with the reason). A node works on an upload while it holds its lease.
CREATE TABLE user_import (
    id          BIGINT       NOT NULL PRIMARY KEY,
    company_id  BIGINT       NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    file_name   VARCHAR(255),
    total       INTEGER      NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    lease_token VARCHAR(36),
    lease_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT user_import_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX user_import_company_started ON user_import (company_id, started_at);

CREATE TABLE user_import_row (
    id          BIGINT        NOT NULL PRIMARY KEY,
    import_id   BIGINT        NOT NULL,
    line        BIGINT        NOT NULL,
    username    VARCHAR(1000) NOT NULL,
    email       VARCHAR(1000) NOT NULL,
    department  VARCHAR(1000) NOT NULL,
    role        VARCHAR(1000) NOT NULL,
    mobile      VARCHAR(1000) NOT NULL,
    state       VARCHAR(10)   NOT NULL,
    reason      VARCHAR(1000),
    CONSTRAINT user_import_row_import FOREIGN KEY (import_id) REFERENCES user_import (id)
);
CREATE INDEX user_import_row_state ON user_import_row (import_id, state, line);
