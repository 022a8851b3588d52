-- Alerts for the provider: a row per condition (a carrier down, the backlog, a carrier's share of
-- delivered receipts, the mail outbox), raised and cleared by a conditional update, so that however
-- many nodes see a condition its administrators get one email when it is raised and one when it clears.
CREATE TABLE gateway_alert (
    alert_key  VARCHAR(80)              NOT NULL PRIMARY KEY,
    active     BOOLEAN                  NOT NULL,
    raised_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at TIMESTAMP WITH TIME ZONE,
    detail     VARCHAR(500)             NOT NULL
);
