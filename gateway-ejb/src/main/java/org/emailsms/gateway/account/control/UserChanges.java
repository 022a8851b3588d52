package org.emailsms.gateway.account.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/**
 * The changes to a user that both the provisioning API (users by name) and the portal (users by
 * id) make, once: the boundary has resolved the administrator and the user and checked that one
 * may act on the other; this joins its transaction and says in the log who did what.
 */
@Dependent
public class UserChanges {

    private static final Logger LOG = Logger.getLogger(UserChanges.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    KnownSerials knownSerials;

    @Inject
    AdminAudit audit;

    public UserChanges() {
    }

    /** Outside the container, for the database tests of the boundaries that use it. */
    public UserChanges(EntityManager em) {
        this.em = em;
        this.knownSerials = new KnownSerials();
        this.audit = new AdminAudit(em);
    }

    /** An entry of the audit trail about {@code user}. */
    public void audit(User actor, User user, AdminActionKind kind, String details) {
        audit.record(actor, user.getCompany(), kind, subject(user), details);
    }

    /** How the audit trail names a user: role and username. */
    public static String subject(User user) {
        return (user.getRole().isAdministrator() ? "administrator '" : "user '") + user.getUsername() + "'";
    }

    public void changeStatus(User actor, User user, AccountStatus status) throws InvalidRequestException {
        if (status != AccountStatus.ACTIVE) {
            keepAnAdministrator(actor, user, "disable");
        }
        AccountStatus before = user.getStatus();
        user.changeStatus(status);
        audit.statusChanged(actor, user.getCompany(), subject(user), before, status);
        LOG.info(() -> String.format("%s set user '%s' %s", actor.getUsername(), user.getUsername(), status));
    }

    /** Lifts a lockout before it expires. */
    public void unlock(User actor, User user) {
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        audit(actor, user, AdminActionKind.UNLOCKED, null);
        LOG.info(() -> String.format("%s unlocked user '%s'", actor.getUsername(), user.getUsername()));
    }

    /** Every activated add-in of the user stops working; returns how many were live. */
    public int revokeActivations(User actor, User user) {
        int revoked = revokeAll(user, OffsetDateTime.now(ZoneOffset.UTC));
        audit(actor, user, AdminActionKind.ACTIVATIONS_REVOKED, revoked + " live activation(s) revoked");
        LOG.info(() -> String.format("%s revoked %d activations of '%s'", actor.getUsername(), revoked,
                user.getUsername()));
        return revoked;
    }

    /**
     * A password someone else chose (an administrator's reset): the user must change it at the next
     * portal sign-in, failed attempts are forgotten, and every add-in activated with the old one stops
     * working (whoever knew the old password may have activated one). Returns the activations revoked.
     */
    public int resetPassword(User actor, User user, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        user.changePassword(passwordHash, false, now);
        em.createNamedQuery("User.clearFailedAttempts").setParameter("id", user.getId()).executeUpdate();
        int revoked = revokeAll(user, now);
        audit(actor, user, AdminActionKind.PASSWORD_RESET, "new password emailed; " + revoked + " activation(s) revoked");
        LOG.info(() -> String.format("%s reset the password of '%s' (%d activations revoked)", actor.getUsername(),
                user.getUsername(), revoked));
        return revoked;
    }

    /** Revokes every activation and marks the user deleted; the row and its messages stay. */
    public void delete(User actor, User user) throws InvalidRequestException {
        keepAnAdministrator(actor, user, "delete");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        revokeAll(user, now);
        user.delete(now);
        audit(actor, user, AdminActionKind.DELETED, null);
        LOG.info(() -> String.format("%s deleted user '%s'", actor.getUsername(), user.getUsername()));
    }

    /**
     * Before an administrator loses the right to administer (disabled, deleted, made a sender): not
     * by their own hand (every page after it would refuse them), and never the last active
     * administrator of their company, or of the provider, who could then no longer be mended.
     */
    public void keepAnAdministrator(User actor, User user, String action) throws InvalidRequestException {
        if (!user.getRole().isAdministrator() || user.getStatus() != AccountStatus.ACTIVE || user.getDeletedAt() != null) {
            return;
        }
        if (user.getId().equals(actor.getId())) {
            throw new InvalidRequestException("You cannot " + action + " yourself: another administrator must.");
        }
        String sameOrganisation = user.getCompany() == null ? "u.company IS NULL" : "u.company = :company";
        var others = em.createQuery("SELECT COUNT(u) FROM User u WHERE u.role = :role AND u.status = :active"
                + " AND u.deletedAt IS NULL AND u.id <> :id AND " + sameOrganisation, Long.class)
                .setParameter("role", user.getRole()).setParameter("active", AccountStatus.ACTIVE)
                .setParameter("id", user.getId());
        if (user.getCompany() != null) {
            others.setParameter("company", user.getCompany());
        }
        if (others.getSingleResult() == 0) {
            throw new InvalidRequestException(user.getUsername() + " is the last active administrator of "
                    + (user.getCompany() == null ? "the provider" : user.getCompany().getName())
                    + ": make another user an administrator first.");
        }
    }

    /** Every live activation of the user ends now, on this node at once; returns how many. */
    public int revokeAll(User user, OffsetDateTime now) {
        knownSerials.forgetUser(user.getId());
        return em.createNamedQuery("Activation.revokeAllOfUser").setParameter("user", user).setParameter("now", now)
                .executeUpdate();
    }
}
