package org.emailsms.client;

/**
 * The gateway refused a call ({@link #code()} is its stable code, such as {@code AUTH_FAILED} or
 * {@code LICENCE_NOT_ACCEPTED}), or could not be reached ({@code UNREACHABLE}).
 */
public class GatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The code of a gateway that did not answer in time or at all. */
    public static final String UNREACHABLE = "UNREACHABLE";

    private final String code;

    public GatewayException(String code, String message) {
        super(message);
        this.code = code;
    }

    public GatewayException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The caller's serial is unknown, revoked or expired: activating again is the way out. */
    public boolean needsActivation() {
        return "AUTH_FAILED".equals(code);
    }
}
