package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.KnownSerials;
import org.emailsms.gateway.account.control.Licences;
import org.emailsms.gateway.account.control.PasswordChange;
import org.emailsms.gateway.account.control.SenderRows;
import org.emailsms.gateway.account.control.SerialNumbers;
import org.emailsms.gateway.account.entity.Activation;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.LogSafe;

/**
 * Add-in activation: a username and password buy a 16-digit serial number that identifies the
 * user in every later call, until it is revoked, the user's password is reset or changed (unless
 * they keep their add-ins signed in), or it goes unused for {@code gateway.activation.max-idle}
 * (180 days by default), or was issued more than {@code gateway.activation.max-age} ago (a year).
 * A password given to the user activates nothing until they change it.
 */
@Stateless
public class ActivationService {

    private static final Logger LOG = Logger.getLogger(ActivationService.class.getName());
    private static final int MAX_CLIENT_INFO = 255;

    @PersistenceContext
    EntityManager em;

    @Inject
    Authenticator authenticator;

    @Inject
    SerialNumbers serials;

    @Inject
    KnownSerials knownSerials;

    @Inject
    SenderRows senderRows;

    @Resource
    SessionContext context;

    @Inject
    Licences licences;

    @Inject
    PasswordChange passwordChange;

    @Inject
    @ConfigProperty(name = "gateway.activation.max-idle", defaultValue = "P180D")
    Duration maxIdle;

    /** However much it is used, a serial lasts this long; activating again renews it. */
    @Inject
    @ConfigProperty(name = "gateway.activation.max-age", defaultValue = "P365D")
    Duration maxAge;

    /** Without a word on the licence, as add-ins that predate it activate. */
    public String activate(String username, String password, String clientInfo, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, LicenceNotAcceptedException {
        return activate(username, password, clientInfo, clientIp, null);
    }

    /**
     * Returns the new serial number; only its hash is stored, with the licence version the client
     * accepted. A version that is not the current one is refused (the client showed an old text), and
     * so is none at all when the user's company requires the licence.
     */
    public String activate(String username, String password, String clientInfo, String clientIp, String acceptedLicence)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, LicenceNotAcceptedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.SOAP);
        String accepted = acceptedLicence == null || acceptedLicence.isBlank() ? null : acceptedLicence.strip();
        LicenceText licence = licences.current();
        if (accepted != null && !accepted.equals(licence.version())) {
            throw new LicenceNotAcceptedException("The licence is now version " + licence.version() + ", not "
                    + accepted + ": show it again and activate accepting it.");
        }
        if (accepted == null && user.getCompany() != null && user.getCompany().isRequireLicence()) {
            throw new LicenceNotAcceptedException("Your company requires the licence (version " + licence.version()
                    + ") to be accepted: show it and activate accepting it.");
        }
        String serial = serials.generate();
        String info = clientInfo == null ? null
                : clientInfo.substring(0, Math.min(clientInfo.length(), MAX_CLIENT_INFO));
        em.persist(new Activation(user, serials.hash(serial), info, clientIp, accepted));
        LOG.info(() -> String.format("User '%s' activated an add-in (%s), licence %s", user.getUsername(), LogSafe.text(info),
                accepted == null ? "not asked" : accepted));
        return serial;
    }

    /**
     * Any user replaces their own password (senders have no portal): a given one works here, and
     * only here. Their add-ins are signed out unless {@code keepActivations}.
     */
    public void changePassword(String username, String currentPassword, String newPassword, boolean keepActivations,
                               String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            InvalidRequestException {
        passwordChange.change(username, currentPassword, newPassword, keepActivations, clientIp, LoginChannel.SOAP);
    }

    /** The end-user licence a client shows before activating. */
    public LicenceText licence() {
        return licences.current();
    }

    /**
     * The user behind a serial, if the serial is live and the account may be used. A serial this
     * node checked within {@code gateway.activation.cache-time} is not looked up again
     * ({@link KnownSerials}); the account, department and company are checked every time.
     */
    public User userOf(String serial) throws AuthenticationFailedException, AccountDisabledException {
        Long knownUser = serials.isWellFormed(serial) ? knownSerials.userOf(serials.hash(serial)) : null;
        User user;
        if (knownUser != null && (user = withOrganisation(knownUser)) != null && user.getDeletedAt() == null) {
            requireActive(user);
            return user;
        }
        Activation activation = liveActivation(serial);
        user = activation.getUser();
        requireActive(user);
        activation.markUsed(OffsetDateTime.now(ZoneOffset.UTC));
        knownSerials.remember(activation.getSerialHash(), user.getId());
        return user;
    }

    /**
     * The sender behind a serial, on the same terms as {@link #userOf}: what sending a message
     * reads of the user, its company and department, in one statement when this node knows the
     * serial, in the caller's transaction or none; a serial looked up is marked used in a
     * transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Sender senderOf(String serial) throws AuthenticationFailedException, AccountDisabledException {
        Long knownUser = serials.isWellFormed(serial) ? knownSerials.userOf(serials.hash(serial)) : null;
        if (knownUser != null) {
            Optional<SenderRows.Row> known = senderRows.read(knownUser);
            if (known.isPresent() && known.get().active()) {
                return known.get().sender();
            }
            // Deleted or disabled since: the full check below says which, as userOf does.
        }
        // Through the container (outside it, in tests, directly): userOf writes, in a transaction.
        ActivationService transactional = context == null ? this : context.getBusinessObject(ActivationService.class);
        return sender(transactional.userOf(serial).getId());
    }

    /** The sender of a user signed in by other means (Outlook's service): active, or refused. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Sender sender(long userId) throws AccountDisabledException {
        SenderRows.Row row = senderRows.read(userId).orElse(null);
        if (row == null || !row.active()) {
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
        return row.sender();
    }

    private User withOrganisation(long userId) {
        return em.createNamedQuery("User.withOrganisation", User.class).setParameter("id", userId)
                .getResultStream().findFirst().orElse(null);
    }

    private static void requireActive(User user) throws AccountDisabledException {
        if (!user.isActiveWithOrganisation()) {
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
    }

    public AccountSummary describe(String serial) throws AuthenticationFailedException, AccountDisabledException {
        return AccountSummary.of(userOf(serial));
    }

    /**
     * A serial that crossed the network unencrypted stops working; true when it was live. Nothing
     * is said of a serial that was not: the caller learns nothing by trying.
     */
    public boolean revokeExposed(String serial) {
        try {
            Activation activation = liveActivation(serial);
            activation.revoke();
            knownSerials.forget(activation.getSerialHash());
            LOG.warning(() -> String.format("A serial of user '%s' came over plain HTTP and was revoked",
                    activation.getUser().getUsername()));
            return true;
        } catch (AuthenticationFailedException notLive) {
            return false;
        }
    }

    /** The add-in signs out: its serial stops working. */
    public void deactivate(String serial) throws AuthenticationFailedException {
        Activation activation = liveActivation(serial);
        activation.revoke();
        knownSerials.forget(activation.getSerialHash());
    }

    private Activation liveActivation(String serial) throws AuthenticationFailedException {
        if (!serials.isWellFormed(serial)) {
            throw new AuthenticationFailedException("The serial number is not a 16-digit number.");
        }
        String keyedHash = serials.hash(serial);
        Activation activation = find(keyedHash, true).or(() -> find(serials.legacyHash(serial), false).map(legacy -> {
            legacy.rekey(keyedHash);
            return legacy;
        })).filter(a -> !a.isRevoked() && a.getUser().getDeletedAt() == null).orElseThrow(
                () -> new AuthenticationFailedException("The serial number is unknown or was revoked: activate the add-in again."));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (activation.isOlderThan(maxAge, now)) {
            throw new AuthenticationFailedException("The serial number was issued more than " + maxAge.toDays()
                    + " days ago and has expired: activate the add-in again (with your username and password) to renew it.");
        }
        if (activation.isIdleLongerThan(maxIdle, now)) {
            throw new AuthenticationFailedException("The serial number was not used for more than "
                    + maxIdle.toDays() + " days and has expired: activate the add-in again.");
        }
        return activation;
    }

    private Optional<Activation> find(String hash, boolean keyed) {
        return em.createNamedQuery("Activation.findBySerialHash", Activation.class)
                .setParameter("serialHash", hash).setParameter("keyed", keyed)
                .getResultStream().findFirst();
    }
}
