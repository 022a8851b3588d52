-- A client's request id on sendMessage and the answer it got: the same id again gets the same
-- answer and sends nothing. Kept for two days (at least 24 hours is promised), then forgotten.
CREATE TABLE send_request (
    user_id    BIGINT       NOT NULL,
    request_id VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answer     VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (user_id, request_id),
    CONSTRAINT send_request_user FOREIGN KEY (user_id) REFERENCES gateway_user (id)
);
CREATE INDEX send_request_created ON send_request (created_at);
