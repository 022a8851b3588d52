package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.KnownSerials;
import org.emailsms.gateway.account.control.Licences;
import org.emailsms.gateway.account.control.SerialNumbers;
import org.emailsms.gateway.account.entity.Activation;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.User;

/**
 * Add-in activation: a username and password buy a 16-digit serial number that identifies the
 * user in every later call, until it is revoked, the user's password is reset, or it goes unused
 * for {@code gateway.activation.max-idle} (180 days by default).
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
    Licences licences;

    @Inject
    @ConfigProperty(name = "gateway.activation.max-idle", defaultValue = "P180D")
    Duration maxIdle;

    /** Without a word on the licence, as add-ins that predate it activate. */
    public String activate(String username, String password, String clientInfo, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            LicenceNotAcceptedException {
        return activate(username, password, clientInfo, clientIp, null);
    }

    /**
     * Returns the new serial number; only its hash is stored, with the licence version the client
     * accepted. A version that is not the current one is refused (the client showed an old text), and
     * so is none at all when the user's company requires the licence.
     */
    public String activate(String username, String password, String clientInfo, String clientIp, String acceptedLicence)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            LicenceNotAcceptedException {
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
        LOG.info(() -> String.format("User '%s' activated an add-in (%s), licence %s", user.getUsername(), info,
                accepted == null ? "not asked" : accepted));
        return serial;
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
        if (activation.isIdleLongerThan(maxIdle, OffsetDateTime.now(ZoneOffset.UTC))) {
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
