package org.emailsms.gateway.account.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.PasswordChangeRequiredException;
import org.emailsms.gateway.account.control.LockoutPolicy.Limit;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.LoginOutcome;
import org.emailsms.gateway.account.entity.User;

/**
 * Checks a username and password against the database with the lockout rule, and audits every
 * attempt. Shared by add-in activation, the provisioning API and the portal's sign-in.
 *
 * <p>Each password check is reserved before it is made ({@link LoginThrottle}): for the client
 * address (a limit across all usernames, which bounds the hashing work one client can cause), then
 * for the username, known or not, so that an unknown username locks exactly like a known one and
 * costs the same hashing time: neither the codes nor the timing tell whether a username exists.
 */
@Dependent
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    private static final String WRONG = "Wrong username or password.";
    private static final String BLOCKED = "Too many failed attempts: the account is blocked for a while. "
            + "Try again later or ask an administrator to unlock it.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LockoutPolicy lockout;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginAudit audit;

    /** How long a password given to a user (generated or reset) opens the change form before it expires. */
    @Inject
    @ConfigProperty(name = "gateway.password.temporary-lifetime", defaultValue = "P7D")
    Duration givenPasswordLifetime;

    /**
     * A sign-in that opens the gateway: a password that was given to the user (generated or reset)
     * and not yet replaced is refused with {@link PasswordChangeRequiredException}, after it was checked.
     */
    public User authenticate(String username, String password, String clientIp, LoginChannel channel)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException {
        return check(username, password, clientIp, channel, false, null);
    }

    /**
     * A sign-in whose only purpose may be choosing a new password (the portal's sign-in, which then
     * shows nothing but the change form, and the change itself): a given password is accepted.
     */
    public User authenticateToChangePassword(String username, String password, String clientIp, LoginChannel channel)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException {
        return authenticateToChangePassword(username, password, clientIp, channel, null);
    }

    /**
     * As {@link #authenticateToChangePassword(String, String, String, LoginChannel)}, from a browser
     * that holds a device cookie of this user ({@code deviceNonce}, already verified; null for none):
     * then neither the account's lockout nor the client address's limit applies, and a failure counts
     * against that device alone, which is refused after the lockout threshold like an account would
     * be (and then signs in as any other browser does).
     */
    public User authenticateToChangePassword(String username, String password, String clientIp, LoginChannel channel,
                                             String deviceNonce)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException {
        try {
            return check(username, password, clientIp, channel, true, deviceNonce);
        } catch (PasswordChangeRequiredException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private User check(String username, String password, String clientIp, LoginChannel channel, boolean givenAllowed,
                       String deviceNonce)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException {
        String name = normalise(username);
        Instant now = Instant.now();
        String device = deviceNonce == null ? null : LoginThrottle.device(deviceNonce);
        boolean trustedDevice = device != null && reserve(device, lockout.limit(), now);
        String client = clientIp == null || trustedDevice ? null : LoginThrottle.client(clientIp);
        if (client != null && !reserveWithinWindow(client, lockout.clientLimit(), now)) {
            audit.record(name, clientIp, channel, LoginOutcome.CLIENT_BLOCKED);
            LOG.warning(() -> String.format("Sign-in from %s refused unchecked: too many failed sign-ins from there", clientIp));
            throw new AccountLockedException("Too many failed sign-ins from this address: try again later.");
        }
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", name)
                .getResultStream().findFirst().orElse(null);
        boolean reserved = trustedDevice || (user == null
                ? reserve(LoginThrottle.unknownName(name), lockout.limit(), now)
                : throttle.reserveUser(user.getId(), lockout.limitFor(user.getCompany()), now));
        if (!reserved) {
            releaseClient(client);
            audit.record(name, clientIp, channel, LoginOutcome.LOCKED);
            throw new AccountLockedException(BLOCKED);
        }
        if (user == null || password == null) {
            passwords.verifyDecoy(password == null ? "" : password);
            audit.record(name, clientIp, channel, user == null ? LoginOutcome.UNKNOWN_USER : LoginOutcome.BAD_PASSWORD);
            throw new AuthenticationFailedException(WRONG);
        }
        if (!passwords.matches(password, user.getPasswordHash())) {
            audit.record(name, clientIp, channel, LoginOutcome.BAD_PASSWORD);
            throw new AuthenticationFailedException(WRONG);
        }
        // The right password gives back what it reserved, and the account's failures are forgotten.
        releaseClient(client);
        if (trustedDevice) {
            throttle.release(device);
        }
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        // Disabled accounts are reported only to callers who know the password.
        if (!user.isActiveWithOrganisation()) {
            audit.record(name, clientIp, channel, LoginOutcome.DISABLED);
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
        if (user.isGivenPasswordExpired(OffsetDateTime.now(ZoneOffset.UTC), givenPasswordLifetime)) {
            audit.record(name, clientIp, channel, LoginOutcome.PASSWORD_EXPIRED);
            throw new AuthenticationFailedException("The password you were given was not changed within "
                    + givenPasswordLifetime.toDays() + " days and has expired: ask an administrator to reset it.");
        }
        if (user.isMustChangePassword() && !givenAllowed) {
            audit.record(name, clientIp, channel, LoginOutcome.PASSWORD_CHANGE_REQUIRED);
            throw new PasswordChangeRequiredException("The password you were given must be replaced with one of "
                    + "your own before it can be used here: change it (the add-in's Change password, the command "
                    + "'emailsms password', or the portal for administrators), then try again.");
        }
        audit.record(name, clientIp, channel, LoginOutcome.SUCCESS);
        return user;
    }

    /** Usernames are matched without regard to case or surrounding blanks. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private boolean reserve(String subject, Limit limit, Instant now) {
        return reserveCreating(subject, now, () -> throttle.tryReserve(subject, limit, now));
    }

    private boolean reserveWithinWindow(String subject, Limit limit, Instant now) {
        return reserveCreating(subject, now, () -> throttle.tryReserveWithinWindow(subject, limit, now));
    }

    /** A subject's first attempt creates its row (a racing attempt may do it first), then reserves. */
    private boolean reserveCreating(String subject, Instant now, IntSupplier tryReserve) {
        int reserved = tryReserve.getAsInt();
        if (reserved < 0) {
            try {
                throttle.create(subject, now);
            } catch (RuntimeException raced) {
                LOG.fine(() -> "another attempt created the throttle row of " + subject + " first");
            }
            reserved = tryReserve.getAsInt();
        }
        return reserved == 1;
    }

    private void releaseClient(String client) {
        if (client != null) {
            throttle.release(client);
        }
    }
}
