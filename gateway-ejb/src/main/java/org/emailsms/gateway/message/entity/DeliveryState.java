package org.emailsms.gateway.message.entity;

/** The final state a delivery receipt reports for one part. */
public enum DeliveryState {
    DELIVERED,
    /** Undeliverable, rejected or deleted by the network. */
    UNDELIVERED,
    /** The network gave up when the validity period ran out. */
    EXPIRED
}
