package org.emailsms.gateway.account.control;

import java.lang.reflect.Field;
import java.time.ZoneId;
import java.util.UUID;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.inbound.boundary.InboundBacklog;
import org.emailsms.gateway.inbound.boundary.ReplyService;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.retention.boundary.RetentionJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The operators' actions check the caller's role in their boundaries, whatever URL led there: a
 * company administrator, a sender or an unknown name calling them directly is refused before they
 * touch anything.
 */
class ProviderRoleTest {

    private static MigratedDatabase database;
    private static String provider;
    private static String companyAdmin;
    private static String sender;

    @BeforeAll
    static void accounts() {
        database = new MigratedDatabase();
        database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User operator = User.providerAdministrator("op-" + UUID.randomUUID(), "op@example.test", "h");
            User admin = User.companyUser(company, null, "ca-" + UUID.randomUUID(), "ca@example.test", Role.COMPANY_ADMIN, "h");
            User user = User.companyUser(company, null, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(operator);
            em.persist(admin);
            em.persist(user);
            provider = operator.getUsername();
            companyAdmin = admin.getUsername();
            sender = user.getUsername();
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void onlyAProviderAdministratorPasses() {
        database.inTransaction(em -> {
            Tenancy cut = new Tenancy(em);
            assertDoesNotThrow(() -> cut.require(provider));
            assertThrows(NotAuthorizedException.class, () -> cut.require(companyAdmin));
            assertThrows(NotAuthorizedException.class, () -> cut.require(sender));
            assertThrows(NotAuthorizedException.class, () -> cut.require("nobody"));
            assertThrows(NotAuthorizedException.class, () -> cut.require(null));
            return null;
        });
    }

    @Test
    void theOperationsBoundariesRefuseACompanyAdministratorsDirectCall() {
        database.inTransaction(em -> {
            Tenancy role = new Tenancy(em);
            MailBacklog mail = withRole(new MailBacklog(), role);
            ReplyService replies = withRole(new ReplyService(), role);
            InboundBacklog inbound = withRole(new InboundBacklog(), role);
            RetentionJob retention = withRole(new RetentionJob(), role);

            assertThrows(NotAuthorizedException.class, () -> mail.find(companyAdmin, "example", 10));
            assertThrows(NotAuthorizedException.class, () -> mail.oldestPending(companyAdmin, 10));
            assertThrows(NotAuthorizedException.class, () -> replies.unrouted(companyAdmin, 10));
            assertThrows(NotAuthorizedException.class, () -> inbound.retryGivenUp(companyAdmin));
            assertThrows(NotAuthorizedException.class, () -> inbound.latestGivenUp(companyAdmin, 10));
            assertThrows(NotAuthorizedException.class, () -> retention.runNow(companyAdmin));
            return null;
        });
        assertDoesNotThrow(() -> database.inTransaction(em -> {
            MailBacklog mail = withRole(new MailBacklog(), new Tenancy(em));
            try {
                Field entityManager = MailBacklog.class.getDeclaredField("em");
                entityManager.setAccessible(true);
                entityManager.set(mail, em);
                return mail.find(provider, "example", 10);
            } catch (NotAuthorizedException | ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }), "the provider's administrator gets the list");
    }

    /** The boundaries' fields are the container's to fill; outside it, as the container would. */
    private static <T> T withRole(T boundary, ProviderRole role) {
        try {
            Field field = boundary.getClass().getDeclaredField("providerRole");
            field.setAccessible(true);
            field.set(boundary, role);
            return boundary;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
