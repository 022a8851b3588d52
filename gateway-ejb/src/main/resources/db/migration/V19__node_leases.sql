-- Each delivering node's lease on the messages it holds. A node (named by its run: node name and a
-- random suffix) writes its heartbeat every few seconds; a PENDING message whose claimed_by names a
-- node not heard from within the lease is taken over by another. A node claims what it accepts in
-- the same insert and delivers it from memory, so no message needs a claim of its own, and a claim
-- no longer runs out by itself: next_attempt_at of a PENDING message is no longer its claim's end.
CREATE TABLE delivery_node (
    claimant     VARCHAR(80)              NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Claims made before leases lasted a minute each and name no heartbeat: given back, so that the
-- first node to claim takes them (the nodes are stopped while the schema changes).
UPDATE sms_message SET claimed_by = NULL WHERE claimed_by IS NOT NULL AND status = 'PENDING';
