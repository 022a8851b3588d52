-- Retention: the encrypted archive files the daily job wrote (the index an operator finds a
-- company's month in), the rows a file holds until they are deleted from the database, the job's
-- runs, and the lease that lets one node at a time run it when several share the database.

CREATE TABLE archive_file (
    id           BIGINT PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    -- Null: the gateway's own rows (provider administrators, unknown usernames, unrouted replies).
    company_id   BIGINT,
    data_day     DATE NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    -- WRITING (its rows are being written), WRITTEN (safely on disk; its rows are being deleted), DONE.
    state        VARCHAR(16) NOT NULL,
    messages     INTEGER NOT NULL,
    replies      INTEGER NOT NULL,
    logins       INTEGER NOT NULL,
    pdus         INTEGER NOT NULL,
    bytes        BIGINT NOT NULL,
    sha256       VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT archive_file_name_unique UNIQUE (file_name)
);
CREATE INDEX archive_file_company ON archive_file (company_id, data_day);
CREATE INDEX archive_file_state ON archive_file (state);

-- Which rows a file holds: written with each page of the file, read back to delete exactly those.
CREATE TABLE archive_entry (
    file_id BIGINT NOT NULL REFERENCES archive_file (id) ON DELETE CASCADE,
    kind    VARCHAR(8) NOT NULL,
    row_id  BIGINT NOT NULL,
    PRIMARY KEY (file_id, kind, row_id)
);

CREATE TABLE retention_run (
    id            BIGINT PRIMARY KEY,
    node_name     VARCHAR(60) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    archived_rows BIGINT NOT NULL,
    deleted_rows  BIGINT NOT NULL,
    files         INTEGER NOT NULL,
    bytes         BIGINT NOT NULL,
    error         VARCHAR(255),
    version       BIGINT NOT NULL
);
CREATE INDEX retention_run_started ON retention_run (started_at);

CREATE TABLE retention_lease (
    name        VARCHAR(40) PRIMARY KEY,
    holder      VARCHAR(80),
    lease_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO retention_lease (name) VALUES ('retention');

-- What the reports still count after the detail rows are archived: written in the transaction that
-- deletes them, so a summary is the rows online plus these, and nothing is counted twice. The day
-- is the company's (its time zone); no department is 0; replies have status REPLY and no source.
CREATE TABLE daily_total (
    company_id    BIGINT NOT NULL,
    total_day     DATE NOT NULL,
    department_id BIGINT NOT NULL,
    user_id       BIGINT NOT NULL,
    country       VARCHAR(2) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    source        VARCHAR(16) NOT NULL,
    messages      BIGINT NOT NULL,
    segments      BIGINT NOT NULL,
    PRIMARY KEY (company_id, total_day, department_id, user_id, country, status, source)
);
