package org.emailsms.gateway.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * Administrators signing in: to each call of the SOAP provisioning API, and to the portal. Both
 * have the lockout and the login audit of add-in activation; only administrators get through.
 */
@Stateless
public class SignIn {

    @Inject
    Authenticator authenticator;

    @Inject
    Tenancy tenancy;

    /** Checks an administrator's credentials for an API call; returns the username for the operation that follows. */
    public String signIn(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.SOAP);
        return tenancy.administrator(user.getUsername()).getUsername();
    }

    /** The portal's sign-in; returns the role, which the portal uses as the caller's group. */
    public Role signInToPortal(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.PORTAL);
        return tenancy.administrator(user.getUsername()).getRole();
    }

    /** For views that span companies (unrouted replies, SMSC links): provider administrators only. */
    public void requireProviderAdministrator(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
    }
}
