package org.emailsms.gateway.platform.boundary;

/**
 * Whether a caller is one of the provider's administrators, for the boundaries of components that
 * sit below the accounts (the mail outbox, replies, retention) and so cannot ask them directly.
 * Those boundaries check it themselves rather than trusting the URL that led to them.
 */
public interface ProviderRole {

    /** Refuses anyone but an active provider administrator. */
    void require(String actorName) throws NotAuthorizedException;
}
