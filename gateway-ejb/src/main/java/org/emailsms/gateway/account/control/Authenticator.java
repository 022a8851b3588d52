package org.emailsms.gateway.account.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.LoginOutcome;
import org.emailsms.gateway.account.entity.User;

/**
 * Checks a username and password against the database with the lockout rule, and audits every
 * attempt. Shared by add-in activation, the provisioning API and (later) the portal's sign-in.
 */
@Dependent
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LockoutPolicy lockout;

    @Inject
    LoginAudit audit;

    public User authenticate(String username, String password, String clientIp, LoginChannel channel)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException {
        String name = normalise(username);
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", name)
                .getResultStream().findFirst().orElse(null);
        if (user == null || password == null) {
            passwords.verifyDecoy(password == null ? "" : password);
            audit.record(name, clientIp, channel, LoginOutcome.UNKNOWN_USER);
            throw new AuthenticationFailedException("Wrong username or password.");
        }
        Instant now = Instant.now();
        if (user.isLockedAt(now)) {
            audit.record(name, clientIp, channel, LoginOutcome.LOCKED);
            throw new AccountLockedException("Too many failed attempts: the account is blocked until "
                    + user.getLockedUntil().toInstant() + ".");
        }
        if (!passwords.matches(password, user.getPasswordHash())) {
            recordFailure(user, now);
            audit.record(name, clientIp, channel, LoginOutcome.BAD_PASSWORD);
            throw new AuthenticationFailedException("Wrong username or password.");
        }
        // Disabled accounts are reported only to callers who know the password.
        if (!user.isActiveWithOrganisation()) {
            audit.record(name, clientIp, channel, LoginOutcome.DISABLED);
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        audit.record(name, clientIp, channel, LoginOutcome.SUCCESS);
        return user;
    }

    /** Usernames are matched without regard to case or surrounding blanks. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private void recordFailure(User user, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // A company's own login criteria (seed 4.4) take precedence over the gateway's defaults.
        Company company = user.getCompany();
        int threshold = company != null && company.getLockoutThreshold() != null
                ? company.getLockoutThreshold() : lockout.threshold();
        Duration block = company != null && company.getLockoutMinutes() != null
                ? Duration.ofMinutes(company.getLockoutMinutes()) : lockout.duration();
        em.createNamedQuery("User.recordFailedAttempt")
                .setParameter("id", user.getId())
                .setParameter("now", at)
                .setParameter("windowStart", at.minus(lockout.window()))
                .setParameter("threshold", threshold)
                .setParameter("lockedUntil", at.plus(block))
                .executeUpdate();
        OffsetDateTime lockedUntil = em.createNamedQuery("User.lockedUntil", OffsetDateTime.class)
                .setParameter("id", user.getId()).getSingleResult();
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            LOG.warning(() -> String.format("Account '%s' blocked until %s after too many failed attempts",
                    user.getUsername(), lockedUntil.toInstant()));
        }
    }
}
