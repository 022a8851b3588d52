package org.emailsms.gateway.account.boundary;

/** What an administrator does to several users at once. */
public enum BulkChange {
    DISABLE("disabled"),
    ENABLE("enabled"),
    /** Into the department given with it (none: out of every department). */
    MOVE("moved"),
    REVOKE_ACTIVATIONS("signed out of every add-in");

    private final String done;

    BulkChange(String done) {
        this.done = done;
    }

    /** The change in words, as in "3 users disabled". */
    public String done() {
        return done;
    }
}
