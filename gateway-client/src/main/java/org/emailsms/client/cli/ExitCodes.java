package org.emailsms.client.cli;

/** What the command's exit status says, for scripts. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The gateway refused, a recipient could not be resolved, or the user said no. */
    public static final int REFUSED = 1;
    /** Wrong usage (picocli's own). */
    public static final int USAGE = 2;
    /** Not activated, or the serial is unknown, revoked or expired: run activate again. */
    public static final int NOT_ACTIVATED = 3;
    /** The gateway could not be reached. */
    public static final int UNREACHABLE = 4;

    private ExitCodes() {
    }
}
