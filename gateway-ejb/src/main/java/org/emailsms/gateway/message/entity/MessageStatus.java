package org.emailsms.gateway.message.entity;

/** What the add-in sees of a message: the status names the add-ins know. */
public enum MessageStatus {
    /** Waiting for its send time. */
    SCHEDULED,
    /** Accepted and queued for the SMSC. */
    PENDING,
    /** Every part acknowledged by the SMSC. */
    OK,
    /** The last attempt failed; it will be retried. */
    FAIL,
    /** Given up: permanent error, or out of retries. */
    ABORT,
    DELIVERED,
    UNDELIVERED,
    EXPIRED
}
