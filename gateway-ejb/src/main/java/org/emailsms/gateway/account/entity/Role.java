package org.emailsms.gateway.account.entity;

/** What a user may do. Every role may send; administrators also provision. */
public enum Role {
    /** Runs the gateway: every company, the SMSC links and the sender-number pool. */
    PROVIDER_ADMIN("Provider administrator"),
    /** Administers one company: its departments, users, quotas and restrictions. */
    COMPANY_ADMIN("Company administrator"),
    /** Sends SMS from an email-client add-in. */
    SENDER("Sender");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role in people's words, for pages and emails. */
    public String getLabel() {
        return label;
    }

    public boolean isAdministrator() {
        return this != SENDER;
    }
}
