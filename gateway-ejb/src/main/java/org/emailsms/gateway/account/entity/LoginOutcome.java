package org.emailsms.gateway.account.entity;

/** How a sign-in or activation attempt ended, as kept in the login audit. */
public enum LoginOutcome {
    SUCCESS,
    BAD_PASSWORD,
    UNKNOWN_USER,
    LOCKED,
    DISABLED,
    /** Refused unchecked: too many failed sign-ins from this client address, whatever the username. */
    CLIENT_BLOCKED
}
