package org.emailsms.gateway.oms.boundary;

import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.PasswordChangeRequiredException;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.oms.control.OmsSettings;
import org.emailsms.gateway.oms.control.RememberedPasswords;
import org.emailsms.gateway.oms.control.RememberedPasswords.Remembered;

/**
 * Signs in a user of Outlook's text messaging with the gateway's own username and password, through
 * the same lockout, login audit (channel OMS) and account checks as the add-ins. A password verified
 * in full is remembered on this node for {@code gateway.oms.password-memory} ({@link RememberedPasswords}),
 * so that the messages after it do not each cost a full PBKDF2; such a sign-in is not audited again,
 * and a changed password, a block or a disabled account ends it at the next message.
 */
@Stateless
public class OmsAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authenticator authenticator;

    @Inject
    RememberedPasswords remembered;

    @Inject
    OmsSettings settings;

    public OutlookUser signIn(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, OutlookNotEnabledException {
        String name = Authenticator.normalise(username);
        Instant now = Instant.now();
        User user = password == null ? null : rememberedUser(name, password, now).orElse(null);
        if (user == null) {
            user = authenticator.authenticate(name, password, clientIp, LoginChannel.OMS);
            if (!settings.passwordMemory().isZero()) {
                remembered.remember(name, password, user.getId(), user.getPasswordHash(), now.plus(settings.passwordMemory()));
            }
        }
        if (user.getCompany() == null) {
            throw new OutlookNotEnabledException("Provider administrators belong to no company and send no text messages.");
        }
        if (!user.getCompany().isOmsEnabled()) {
            throw new OutlookNotEnabledException("Your company does not use text messaging from Outlook; ask your administrator.");
        }
        return new OutlookUser(user.getId(), user.getUsername(), user.getMobile(), user.getEmail(),
                user.getCompany().getOmsSources());
    }

    /** The user a remembered password stands for, if it still may: same password, not blocked, active. */
    private Optional<User> rememberedUser(String name, String password, Instant now)
            throws AccountLockedException, AccountDisabledException {
        Optional<Remembered> entry = remembered.find(name, password, now);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        User user = em.find(User.class, entry.get().userId());
        if (user == null || user.getDeletedAt() != null || !user.getPasswordHash().equals(entry.get().passwordHash())) {
            remembered.forget(name, password);
            return Optional.empty();
        }
        if (user.isLockedAt(now)) {
            remembered.forget(name, password);
            throw new AccountLockedException("Too many failed attempts: the account is blocked for a while. "
                    + "Try again later or ask an administrator to unlock it.");
        }
        if (!user.isActiveWithOrganisation()) {
            remembered.forget(name, password);
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
        return Optional.of(user);
    }
}
