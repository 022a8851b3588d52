package org.emailsms.gateway.account.entity;

/** Where a login attempt came from. */
public enum LoginChannel {
    /** The SOAP API: add-in activation and provisioning calls. */
    SOAP("Add-in (SOAP)"),
    /** The administration portal. */
    PORTAL("Portal"),
    /** Outlook's own text messaging (the Office Mobile Service protocol). */
    OMS("Outlook text messaging");

    private final String label;

    LoginChannel(String label) {
        this.label = label;
    }

    /** The channel in people's words, for pages. */
    public String getLabel() {
        return label;
    }
}
