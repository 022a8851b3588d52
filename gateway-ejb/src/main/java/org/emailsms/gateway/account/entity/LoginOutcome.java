package org.emailsms.gateway.account.entity;

/** How a sign-in or activation attempt ended, as kept in the login audit. */
public enum LoginOutcome {
    SUCCESS("Signed in"),
    BAD_PASSWORD("Wrong password"),
    UNKNOWN_USER("Unknown username"),
    LOCKED("Locked out"),
    DISABLED("Account disabled"),
    /** Refused unchecked: too many failed sign-ins from this client address, whatever the username. */
    CLIENT_BLOCKED("Client address blocked"),
    /** The right password, but one given to the user: it only lets them choose a new one. */
    PASSWORD_CHANGE_REQUIRED("Password must be changed"),
    /** The right password, but one given to the user and left unused past its lifetime. */
    PASSWORD_EXPIRED("Given password expired");

    private final String label;

    LoginOutcome(String label) {
        this.label = label;
    }

    /** The outcome in people's words, for pages. */
    public String getLabel() {
        return label;
    }
}
