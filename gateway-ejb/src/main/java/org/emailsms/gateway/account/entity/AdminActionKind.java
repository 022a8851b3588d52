package org.emailsms.gateway.account.entity;

/** What an administrator did, in the audit trail of administrators' actions. */
public enum AdminActionKind {
    CREATED("Created"),
    CHANGED("Changed"),
    DISABLED("Disabled"),
    ENABLED("Enabled"),
    UNLOCKED("Unlocked"),
    PASSWORD_RESET("Password reset"),
    ACTIVATIONS_REVOKED("Add-in activations revoked"),
    DELETED("Deleted"),
    UPLOADED("Users uploaded"),
    SETTINGS_CHANGED("Settings changed");

    private final String label;

    AdminActionKind(String label) {
        this.label = label;
    }

    /** The action in people's words, for pages and exports. */
    public String getLabel() {
        return label;
    }
}
