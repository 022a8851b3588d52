package org.emailsms.gateway.account.entity;

/** What a user may do. Every role may send; administrators also provision. */
public enum Role {
    /** Runs the gateway: every company, the SMSC links and the sender-number pool. */
    PROVIDER_ADMIN,
    /** Administers one company: its departments, users, quotas and restrictions. */
    COMPANY_ADMIN,
    /** Sends SMS from an email-client add-in. */
    SENDER;

    public boolean isAdministrator() {
        return this != SENDER;
    }
}
