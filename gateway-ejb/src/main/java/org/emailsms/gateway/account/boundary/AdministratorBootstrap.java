package org.emailsms.gateway.account.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.PasswordChange;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.control.KeyFiles;

/**
 * A fresh gateway needs somebody to sign in: at first start, when there is no provider administrator
 * yet, one is created with the configured password, or with a generated one that is written to the
 * file {@code initial-admin-password} in the data directory (mode 0600; only its path is logged, so
 * the password is in no log). A generated password must be changed at the first sign-in, and the
 * file is deleted once it is.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdministratorBootstrap {

    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "gateway.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "gateway.admin.email", defaultValue = "admin@localhost")
    String email;

    @Inject
    @ConfigProperty(name = "gateway.admin.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    @PostConstruct
    void createFirstAdministrator() {
        long administrators = em.createNamedQuery("User.countByRole", Long.class)
                .setParameter("role", Role.PROVIDER_ADMIN).getSingleResult();
        if (administrators > 0) {
            return;
        }
        String name = Authenticator.normalise(username);
        Optional<String> configured = configuredPassword.filter(p -> !p.isEmpty());
        if (configured.isPresent()) {
            // A weak first password would guard every company's data: refuse to start with it.
            PasswordPolicy.violation(configured.get(), null).ifPresent(weak -> {
                throw new IllegalStateException("GATEWAY_ADMIN_PASSWORD (gateway.admin.password) does not meet the "
                        + "password policy for provider administrators: " + weak + " Set a stronger one, or leave it "
                        + "unset to have one generated.");
            });
            em.persist(User.providerAdministrator(name, email, passwords.hash(configured.get())));
            LOG.info(() -> String.format("Created provider administrator '%s' from configuration", name));
            return;
        }
        String password = passwords.generate(PasswordPolicy.PROVIDER_MIN_LENGTH, PasswordPolicy.PROVIDER_CLASSES);
        Path file = writeOwnerOnly(PasswordChange.initialPasswordFile(dataDir), password);
        em.persist(User.providerAdministratorWithGivenPassword(name, email, passwords.hash(password)));
        LOG.warning(() -> String.format("Created provider administrator '%s'. Its password is in %s (readable by "
                + "this account only): sign in to the portal with it and choose a new one.", name, file));
    }

    private static Path writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            KeyFiles.writeNewOwnerOnly(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first administrator's password to " + file, e);
        }
    }
}
