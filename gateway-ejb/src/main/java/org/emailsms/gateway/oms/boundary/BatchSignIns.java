package org.emailsms.gateway.oms.boundary;

import java.util.HashMap;
import java.util.Map;

import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.platform.boundary.GatewayException;

/**
 * The sign-ins of one DeliverXmsBatch, which carries the credentials again in every message:
 * each distinct user and password is checked once, and after the first refusal no further password
 * is checked in the batch, so that a batch of wrong passwords costs the gateway one check, not one
 * per message. Lives for one request, on its thread.
 */
public final class BatchSignIns {

    /** A sign-in as the boundary makes it. */
    @FunctionalInterface
    interface SignIn {
        OutlookUser signIn() throws GatewayException;
    }

    private final Map<String, OutlookUser> signedIn = new HashMap<>();
    private boolean refused;

    OutlookUser signIn(String userId, String password, SignIn check) throws GatewayException {
        String key = Authenticator.normalise(userId) + '\u0000' + password;
        OutlookUser known = signedIn.get(key);
        if (known != null) {
            return known;
        }
        if (refused) {
            throw new AuthenticationFailedException(
                    "Not checked: an earlier message of this batch could not sign in; send it again on its own.");
        }
        try {
            OutlookUser user = check.signIn();
            signedIn.put(key, user);
            return user;
        } catch (GatewayException e) {
            refused = true;
            throw e;
        }
    }
}
