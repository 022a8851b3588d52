package org.emailsms.gateway.account.boundary;

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
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;

/**
 * A fresh gateway needs somebody to sign in: at first start, when there is no provider administrator
 * yet, one is created from configuration, or with a generated password printed once to the log.
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

    @PostConstruct
    void createFirstAdministrator() {
        long administrators = em.createNamedQuery("User.countByRole", Long.class)
                .setParameter("role", Role.PROVIDER_ADMIN).getSingleResult();
        if (administrators > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isEmpty()).orElseGet(passwords::generate);
        String name = Authenticator.normalise(username);
        em.persist(User.providerAdministrator(name, email, passwords.hash(password)));
        if (configuredPassword.filter(p -> !p.isEmpty()).isPresent()) {
            LOG.info(() -> String.format("Created provider administrator '%s' from configuration", name));
        } else {
            LOG.warning(() -> String.format(
                    "Created provider administrator '%s' with the generated password '%s'. "
                            + "It is shown only this once: sign in and change it.", name, password));
        }
    }
}
