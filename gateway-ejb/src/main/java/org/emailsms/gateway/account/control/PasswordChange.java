package org.emailsms.gateway.account.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/**
 * A user replaces their own password, given or chosen: the current one is checked with the lockout
 * and audit of a sign-in (a given password is accepted here, and only here), the new one must meet
 * the company's criteria and differ. The user's add-ins are signed out unless they ask to keep them:
 * whoever knew the old password may have activated one.
 */
@Dependent
public class PasswordChange {

    private static final Logger LOG = Logger.getLogger(PasswordChange.class.getName());
    private static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    @PersistenceContext
    EntityManager em;

    @Inject
    Authenticator authenticator;

    @Inject
    Passwords passwords;

    @Inject
    UserChanges changes;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    /** Where the first administrator's generated password is written, until it is changed. */
    public static Path initialPasswordFile(String dataDir) {
        return Path.of(dataDir, INITIAL_PASSWORD_FILE);
    }

    /** Returns when the password changed. */
    public OffsetDateTime change(String username, String currentPassword, String newPassword, boolean keepActivations,
                                 String clientIp, LoginChannel channel)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException, InvalidRequestException {
        User user = authenticator.authenticateToChangePassword(username, currentPassword, clientIp, channel);
        // The sign-in's counters are bulk updates that moved the row's version on: read it afresh.
        em.refresh(user);
        if (newPassword == null || newPassword.length() > PasswordPolicy.MAX_LENGTH) {
            throw new InvalidRequestException("A password has at most " + PasswordPolicy.MAX_LENGTH + " characters.");
        }
        Optional<String> weak = PasswordPolicy.violation(newPassword, user.getCompany());
        if (weak.isPresent()) {
            throw new InvalidRequestException(weak.get());
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidRequestException("The new password must differ from the current one.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        user.changePassword(passwords.hash(newPassword), true, now);
        int revoked = keepActivations ? 0 : changes.revokeAll(user, now);
        forgetInitialPassword(user);
        LOG.info(() -> String.format("%s changed their own password (%s)", user.getUsername(),
                keepActivations ? "add-ins kept signed in" : revoked + " add-in activation(s) revoked"));
        return now;
    }

    /** The first administrator's generated password is no secret worth keeping once replaced. */
    private void forgetInitialPassword(User user) {
        if (user.getRole() != Role.PROVIDER_ADMIN) {
            return;
        }
        Path file = initialPasswordFile(dataDir);
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info(() -> "Deleted " + file + ": the first administrator's password was changed");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete " + file + ": delete it by hand", e);
        }
    }
}
