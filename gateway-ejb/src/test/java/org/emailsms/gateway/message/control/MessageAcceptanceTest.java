package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.account.control.SenderRows;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.control.MessageAcceptance.Checked;
import org.emailsms.gateway.message.control.MessageAcceptance.Stored;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several requests stored in one transaction on the migrated schema (H2): a request refused by a
 * quota stores nothing of its own, gives back what it took of the company's quota, and leaves the
 * others of its group stored.
 */
class MessageAcceptanceTest {

    private static MigratedDatabase database;

    @BeforeAll
    static void migrate() {
        database = new MigratedDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aRequestRefusedByItsDepartmentsQuotaStoresNothingAndTheRestOfItsGroupIsStored() {
        long[] ids = database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            company.limitDailyQuota(10);
            em.persist(company);
            Department sales = new Department(company, "Sales");
            sales.limitDailyQuota(3);
            em.persist(sales);
            Department support = new Department(company, "Support");
            em.persist(support);
            User alice = User.companyUser(company, sales, "a-" + UUID.randomUUID(), "a@example.test", Role.SENDER, "hash");
            User bob = User.companyUser(company, support, "b-" + UUID.randomUUID(), "b@example.test", Role.SENDER, "hash");
            em.persist(alice);
            em.persist(bob);
            return new long[] {company.getId(), sales.getId(), alice.getId(), bob.getId()};
        });

        List<Stored> stored = database.inTransaction(em -> {
            MessageAcceptance cut = acceptance(em);
            User alice = em.find(User.class, ids[2]);
            User bob = em.find(User.class, ids[3]);
            return cut.storeAll(List.of(
                    checked(cut, alice, handset(), handset()), // 2 of the department's 3
                    checked(cut, alice, handset(), handset()), // 2 more: refused by the department
                    checked(cut, bob, handset())));
        });

        assertNotNull(stored.get(0).accepted());
        assertNotNull(stored.get(1).refused(), "the department's quota refuses the second request");
        assertNull(stored.get(1).accepted());
        assertNotNull(stored.get(2).accepted(), "another department's request in the same group is stored");
        assertEquals(3, usage(QuotaLedger.COMPANY, ids[0]), "the refused request's 2 segments went back to the company");
        assertEquals(2, usage(QuotaLedger.DEPARTMENT, ids[1]));
        Number messages = database.inTransaction((EntityManager em) -> (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM sms_message m JOIN gateway_user u ON u.id = m.user_id WHERE u.company_id = ?1")
                .setParameter(1, ids[0]).getSingleResult());
        assertEquals(3, messages.intValue(), "the stored requests' messages, and none of the refused one");
        assertTrue(stored.get(0).accepted().toQueue().size() == 2 && stored.get(2).accepted().toQueue().size() == 1);
    }

    /**
     * A send with the client's request id stores its answer with its messages; the same id again
     * finds that answer (refusals included); the same id twice in one group fails the group on the
     * key (the group commit then stores them one by one, and the second gets the first's answer);
     * answers are forgotten once old.
     */
    @Test
    void aRequestIdKeepsItsAnswerUntilItIsForgotten() {
        long userId = database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User alice = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.SENDER, "hash");
            em.persist(alice);
            return alice.getId();
        });
        SendOptions once = new SendOptions(null, null, false, "order-4711");

        Stored stored = database.inTransaction(em -> {
            MessageAcceptance cut = acceptance(em);
            return cut.storeAll(List.of(checked(cut, em.find(User.class, userId), once, handset(), "12"))).get(0);
        });

        assertEquals(2, stored.accepted().results().size());
        assertEquals(stored.accepted().results(), answerTo(userId, "order-4711").orElseThrow(),
                "the same answer, the refused number's included");
        SendOptions twice = new SendOptions(null, null, false, "order-4712");
        assertThrows(PersistenceException.class, () -> database.inTransaction(em -> {
            MessageAcceptance cut = acceptance(em);
            User alice = em.find(User.class, userId);
            return cut.storeAll(List.of(checked(cut, alice, twice, handset()), checked(cut, alice, twice, handset())));
        }));
        assertTrue(answerTo(userId, "order-4712").isEmpty(), "the failed group stored nothing");

        database.inTransaction((EntityManager em) -> {
            em.createNativeQuery("UPDATE send_request SET created_at = ?1 WHERE user_id = ?2")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)).setParameter(2, userId).executeUpdate();
        });
        int forgotten = database.inTransaction((EntityManager em) -> requests(em).forget(Instant.now().minus(Duration.ofDays(2)), 10));
        assertTrue(forgotten >= 1);
        assertTrue(answerTo(userId, "order-4711").isEmpty());
    }

    private static Optional<List<RecipientResult>> answerTo(long userId, String requestId) {
        return database.inTransaction((EntityManager em) -> requests(em).answerTo(userId, requestId));
    }

    private static SendRequests requests(EntityManager em) {
        SendRequests requests = new SendRequests();
        requests.em = em;
        return requests;
    }

    private static Checked checked(MessageAcceptance cut, User user, String... recipients) {
        return checked(cut, user, SendOptions.defaults(), recipients);
    }

    private static Checked checked(MessageAcceptance cut, User user, SendOptions how, String... recipients) {
        // Read as the service reads it, in the test's transaction (the entities may not be written yet).
        cut.em.flush();
        Sender sender = new SenderRows(cut.em).read(user.getId()).orElseThrow().sender();
        return cut.checkDestinations(sender, List.of(recipients), "Hello", EncodedSms.of("Hello"), how);
    }

    private static MessageAcceptance acceptance(EntityManager em) {
        MessageAcceptance cut = new MessageAcceptance();
        cut.em = em;
        cut.destinations = new DestinationPolicy();
        cut.destinations.em = em;
        cut.quotas = new QuotaLedger();
        cut.quotas.em = em;
        cut.quotas.rows = new UsageRows() {
            @Override
            public void ensure(String scope, long id, LocalDate day) {
                // A transaction of its own, as the container gives the real one.
                database.inTransaction((EntityManager own) -> {
                    UsageRows rows = new UsageRows();
                    rows.em = own;
                    rows.ensure(scope, id, day);
                });
            }
        };
        ReplyPathResolver replyPaths = new ReplyPathResolver();
        replyPaths.em = em;
        replyPaths.senderNumbers = new SenderNumbers(em);
        replyPaths.statistics = new ReplyPathStatistics();
        replyPaths.pool = List.of("+61491570156", "+61491570157");
        replyPaths.lifetime = Duration.ofDays(30);
        replyPaths.oneWay = "NoReply";
        cut.replyPaths = replyPaths;
        cut.cipher = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
        cut.interactiveRecipients = 5;
        cut.routes = new Routes(List.of(), List.of(CarrierNames.DEFAULT));
        cut.requests = requests(em);
        return cut;
    }

    private static int usage(String scope, long id) {
        Number segments = database.inTransaction((EntityManager em) -> (Number) em.createNativeQuery(
                        "SELECT segments FROM daily_usage WHERE scope = ?1 AND scope_id = ?2")
                .setParameter(1, scope).setParameter(2, id).getSingleResult());
        return segments.intValue();
    }

    private static String handset() {
        return "+61412" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }
}
