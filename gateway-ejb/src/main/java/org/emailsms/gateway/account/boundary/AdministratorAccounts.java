package org.emailsms.gateway.account.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.PasswordChange;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.control.WelcomeMail;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * Administrators' own accounts: every administrator changes their own password (the current one
 * checked with the lockout and audit of a sign-in); the provider's administrators create further
 * provider administrators and reset their passwords. A password someone else chose must be changed
 * at the next sign-in to the portal, which asks {@link #signInState}.
 */
@Stateless
public class AdministratorAccounts {

    private static final Logger LOG = Logger.getLogger(AdministratorAccounts.class.getName());

    /** What the portal needs to know of a signed-in administrator on every page. */
    public record SignInState(boolean mustChangePassword, OffsetDateTime passwordChangedAt) {
    }

    /** A new or reset provider administrator and the generated password, shown once. */
    public record GivenPassword(String username, String password) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Authenticator authenticator;

    @Inject
    Passwords passwords;

    @Inject
    UserChanges changes;

    @Inject
    WelcomeMail mail;

    @Inject
    PasswordChange passwordChange;

    /** Empty when the administrator no longer exists or may no longer sign in. */
    public Optional<SignInState> signInState(String username) {
        return em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", Authenticator.normalise(username))
                .getResultStream().findFirst()
                .filter(user -> user.getRole() != Role.SENDER && user.isActiveWithOrganisation())
                .map(user -> new SignInState(user.isMustChangePassword(), user.getPasswordChangedAt()));
    }

    /**
     * The caller's own password: the current one must be right (a given one is, here), the new one
     * meet the criteria. The caller's add-ins are signed out unless {@code keepActivations}.
     */
    public OffsetDateTime changeOwnPassword(String actorName, String currentPassword, String newPassword,
                                            boolean keepActivations, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        return passwordChange.change(actor.getUsername(), currentPassword, newPassword, keepActivations, clientIp,
                LoginChannel.PORTAL);
    }

    public List<User> providerAdministrators(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
        return em.createNamedQuery("User.findByRole", User.class).setParameter("role", Role.PROVIDER_ADMIN)
                .getResultList();
    }

    /** Where the gateway's own alerts go: every active provider administrator's email address. */
    public List<String> providerAddresses() {
        return em.createNamedQuery("User.findByRole", User.class).setParameter("role", Role.PROVIDER_ADMIN)
                .getResultList().stream().filter(User::isActiveWithOrganisation)
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).distinct().toList();
    }

    /** A further provider administrator with a generated password, mailed and shown once. */
    public GivenPassword createProviderAdministrator(String actorName, String username, String email)
            throws NotAuthorizedException, InvalidRequestException, AccountAlreadyExistsException {
        User actor = tenancy.providerAdministrator(actorName);
        String name = Authenticator.normalise(username);
        if (!name.matches("[a-z0-9][a-z0-9._@-]{1,119}")) {
            throw new InvalidRequestException("A username has 2 to 120 letters, digits and . _ @ -.");
        }
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.strip().length() > 254) {
            throw new InvalidRequestException("'" + email + "' is not a valid email address.");
        }
        boolean taken = !em.createNamedQuery("User.findAnyByUsername", User.class).setParameter("username", name)
                .getResultList().isEmpty();
        if (taken) {
            throw new AccountAlreadyExistsException("The username '" + name + "' is taken.");
        }
        String password = passwords.generate(PasswordPolicy.PROVIDER_MIN_LENGTH, PasswordPolicy.PROVIDER_CLASSES);
        User created = User.providerAdministratorWithGivenPassword(name, email.strip(), passwords.hash(password));
        em.persist(created);
        mail.send(created, password);
        changes.audit(actor, created, AdminActionKind.CREATED, "provider administrator; email: " + created.getEmail());
        LOG.info(() -> String.format("%s created provider administrator '%s'", actor.getUsername(), name));
        return new GivenPassword(name, password);
    }

    /** Another provider administrator's password, replaced by a generated one that must be changed. */
    public GivenPassword resetProviderAdministrator(String actorName, Long userId)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.providerAdministrator(actorName);
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null || user.getRole() != Role.PROVIDER_ADMIN || user.getDeletedAt() != null) {
            throw new UnknownAccountException("No such provider administrator.");
        }
        if (user.getId().equals(actor.getId())) {
            throw new UnknownAccountException("Change your own password with 'Change password'.");
        }
        String password = passwords.generate(PasswordPolicy.PROVIDER_MIN_LENGTH, PasswordPolicy.PROVIDER_CLASSES);
        changes.resetPassword(actor, user, passwords.hash(password));
        mail.sendReset(user, password);
        return new GivenPassword(user.getUsername(), password);
    }
}
