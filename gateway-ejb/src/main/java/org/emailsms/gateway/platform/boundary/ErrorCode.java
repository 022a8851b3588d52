package org.emailsms.gateway.platform.boundary;

/**
 * The stable codes of every expected failure. Clients branch on these, so a code is never renamed;
 * the human message beside it may change.
 */
public enum ErrorCode {
    AUTH_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_DISABLED,
    NOT_AUTHORIZED,
    INVALID_REQUEST,
    NOT_FOUND,
    ALREADY_EXISTS,
    QUOTA_EXCEEDED,
    MESSAGE_TOO_LONG,
    INVALID_DESTINATION,
    DESTINATION_NOT_ALLOWED,
    /** The client did not accept the current version of the end-user licence. */
    LICENCE_NOT_ACCEPTED,
    /**
     * The password is right but was given by the gateway or an administrator: it works for nothing
     * but choosing a new one.
     */
    PASSWORD_CHANGE_REQUIRED,
    INTERNAL_ERROR
}
