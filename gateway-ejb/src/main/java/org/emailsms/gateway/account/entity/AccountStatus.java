package org.emailsms.gateway.account.entity;

/** Whether a company, department or user may use the gateway. */
public enum AccountStatus {
    ACTIVE("Active"),
    DISABLED("Disabled");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    /** The status in people's words, for pages. */
    public String getLabel() {
        return label;
    }
}
