package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.DeviceCookies;
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

    @Inject
    DeviceCookies deviceCookies;

    /** Checks an administrator's credentials for an API call; returns the username for the operation that follows. */
    public String signIn(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, NotAuthorizedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.SOAP);
        return tenancy.administrator(user.getUsername()).getUsername();
    }

    /**
     * The portal's sign-in; returns the role, which the portal uses as the caller's group. A device
     * cookie this browser got at an earlier sign-in of the same user ({@link DeviceCookies}; null for
     * none) exempts it from the account's lockout, which others' failures may have set.
     */
    public Role signInToPortal(String username, String password, String clientIp, String deviceCookie)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException {
        String nonce = deviceCookies.nonceFor(deviceCookie, username, Instant.now()).orElse(null);
        // A given password signs in to the change form and nothing else (the portal's guard).
        User user = authenticator.authenticateToChangePassword(username, password, clientIp, LoginChannel.PORTAL, nonce);
        return tenancy.administrator(user.getUsername()).getRole();
    }

    /** A new device cookie for a browser the administrator just signed in from. */
    public String deviceCookie(String username) {
        return deviceCookies.issue(username, Instant.now());
    }

    /** How long a device cookie is honoured. */
    public Duration deviceCookieLifetime() {
        return deviceCookies.lifetime();
    }

    /** For views that span companies (unrouted replies, SMSC links): provider administrators only. */
    public void requireProviderAdministrator(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
    }
}
