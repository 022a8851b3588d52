package org.emailsms.gateway.account.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.OperatorToken;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.User;

/**
 * What the operator of the machine the gateway runs on can always do, even when every administrator
 * is locked out or has forgotten their password: unlock an account, or give it a new password that
 * must be changed at its first use. Reached only from the machine itself with the operator token
 * from the data directory ({@code bin/gateway admin ...}); audited as the operator's actions.
 */
@Stateless
public class MachineOperator {

    private static final Logger LOG = Logger.getLogger(MachineOperator.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    UserChanges changes;

    @Inject
    AdminAudit audit;

    @Inject
    OperatorToken token;

    /** Whether a command carries the operator token of this node's data directory. */
    public boolean acceptsToken(String presented) {
        return token.matches(presented);
    }

    public void unlock(String username) throws UnknownAccountException {
        User user = user(username);
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        audit.recordByOperator(user.getCompany(), AdminActionKind.UNLOCKED, UserChanges.subject(user), null);
        LOG.warning(() -> String.format("The machine's operator unlocked '%s'", user.getUsername()));
    }

    /** A generated password, returned to the operator's terminal; it opens nothing but the change. */
    public String resetPassword(String username) throws UnknownAccountException {
        User user = user(username);
        String password = user.getCompany() == null
                ? passwords.generate(PasswordPolicy.PROVIDER_MIN_LENGTH, PasswordPolicy.PROVIDER_CLASSES)
                : passwords.generate(user.getCompany().getPasswordMinLength(), user.getCompany().getPasswordClasses());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        user.changePassword(passwords.hash(password), false, now);
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        int revoked = changes.revokeAll(user, now);
        audit.recordByOperator(user.getCompany(), AdminActionKind.PASSWORD_RESET, UserChanges.subject(user),
                "new password given on the machine; " + revoked + " activation(s) revoked");
        LOG.warning(() -> String.format("The machine's operator reset the password of '%s'", user.getUsername()));
        return password;
    }

    private User user(String username) throws UnknownAccountException {
        return em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", Authenticator.normalise(username))
                .getResultStream().findFirst()
                .orElseThrow(() -> new UnknownAccountException("No user '" + username + "'."));
    }
}
