package org.emailsms.gateway.account.entity;

/** Where a login attempt came from. */
public enum LoginChannel {
    /** The SOAP API: add-in activation and provisioning calls. */
    SOAP,
    /** The administration portal. */
    PORTAL,
    /** Outlook's own text messaging (the Office Mobile Service protocol). */
    OMS
}
