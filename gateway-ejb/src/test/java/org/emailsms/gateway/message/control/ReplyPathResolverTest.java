package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.ReplyPathResolver.ReplyPath;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reply-path rule against the migrated schema on H2: one user per (handset, number) pair, the
 * pair owned by one company while it is live, a company's own numbers first and only its own.
 */
class ReplyPathResolverTest {

    private static final String N1 = "+61491570156";
    private static final String N2 = "+61491570157";
    private static final String OWN = "+61491570158";
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
    void withinACompanyEachConversationKeepsItsNumberAndTheLeastRecentlyUsedIsHandedOver() {
        Company acme = newCompany();
        User alice = newUser(acme);
        User bob = newUser(acme);
        User carol = newUser(acme);
        String recipient = randomHandset();

        String alicesNumber = resolve(alice, recipient).senderNumber();
        String bobsNumber = resolve(bob, recipient).senderNumber();
        assertNotEquals(alicesNumber, bobsNumber, "a free pool number before sharing one");
        assertEquals(bobsNumber, resolve(bob, recipient).senderNumber(), "bob keeps his pair although alice's is older");
        assertEquals(alicesNumber, resolve(alice, recipient).senderNumber(), "the pair alice owns stays hers");

        assertEquals(bobsNumber, resolve(carol, recipient).senderNumber(), "no free number: the company's least recently used pair");
        assertEquals(alicesNumber, resolve(bob, recipient).senderNumber(), "bob lost his pair, gets the next least recently used");
        assertEquals(List.of(carol.getId(), bob.getId()), List.of(owner(recipient, bobsNumber), owner(recipient, alicesNumber)));
    }

    /** A group of requests stored in one transaction: each sees the pairs the ones before it chose. */
    @Test
    void requestsStoredTogetherSeeEachOthersChoicesBeforeTheyAreWritten() {
        Company acme = newCompany();
        User alice = newUser(acme);
        User bob = newUser(acme);
        List<String> candidates = candidates(acme);
        String recipient = randomHandset();
        String another = randomHandset();

        List<String> chosen = inTransaction(em -> {
            ReplyPathResolver cut = resolver(em);
            ReplyPathResolver.Conversations together = cut.conversations(List.of(recipient, another));
            String alices = together.senderNumbersFor(alice.getId(), acme.getId(), List.of(recipient), candidates)
                    .get(0).senderNumber();
            String bobs = together.senderNumbersFor(bob.getId(), acme.getId(), List.of(recipient), candidates)
                    .get(0).senderNumber();
            String alicesAgain = together.senderNumbersFor(alice.getId(), acme.getId(), List.of(recipient), candidates)
                    .get(0).senderNumber();
            // One number only: bob takes over the pair alice chose a moment before, not yet written.
            String onlyOne = candidates.get(0);
            String alicesOnly = together.senderNumbersFor(alice.getId(), acme.getId(), List.of(another), List.of(onlyOne))
                    .get(0).senderNumber();
            String bobsOnly = together.senderNumbersFor(bob.getId(), acme.getId(), List.of(another), List.of(onlyOne))
                    .get(0).senderNumber();
            together.write();
            return List.of(alices, bobs, alicesAgain, alicesOnly, bobsOnly);
        });

        assertNotEquals(chosen.get(0), chosen.get(1), "bob gets a number of his own while one is free");
        assertEquals(chosen.get(0), chosen.get(2), "alice keeps the pair she chose earlier in the group");
        assertEquals(List.of(alice.getId(), bob.getId()), List.of(owner(recipient, chosen.get(0)), owner(recipient, chosen.get(1))));
        assertEquals(List.of(candidates.get(0), candidates.get(0)), chosen.subList(3, 5));
        assertEquals(bob.getId(), owner(another, candidates.get(0)), "the hand-over within the group is written");
    }

    /** The take-over that let one company read another's replies: it never happens while the pair is live. */
    @Test
    void anotherCompanyNeverTakesOverALiveConversation() {
        User alice = newUser(newCompany());
        Company globex = newCompany();
        User bob = newUser(globex);
        User carol = newUser(globex);
        String handset = randomHandset();
        String alicesNumber = resolve(alice, handset).senderNumber();

        for (int i = 0; i < 5; i++) {
            ReplyPath bobs = resolve(bob, handset);
            ReplyPath carols = resolve(carol, handset);
            assertNotEquals(alicesNumber, bobs.senderNumber());
            assertNotEquals(alicesNumber, carols.senderNumber());
        }
        assertEquals(alice.getId(), owner(handset, alicesNumber), "the conversation is still alice's");
    }

    @Test
    void whenEveryNumberIsInAnotherCompanysLiveConversationTheMessageGoesOneWay() {
        User alice = newUser(newCompany());
        User bob = newUser(newCompany());
        User dave = newUser(newCompany());
        String handset = randomHandset();
        resolve(alice, handset);
        resolve(bob, handset);

        ReplyPath daves = resolve(dave, handset);

        assertFalse(daves.routable());
        assertEquals("NoReply", daves.senderNumber());
    }

    @Test
    void anExpiredConversationIsFreeForAnyCompany() {
        User alice = newUser(newCompany());
        User bob = newUser(newCompany());
        User dave = newUser(newCompany());
        String handset = randomHandset();
        String alicesNumber = resolve(alice, handset).senderNumber();
        resolve(bob, handset);
        age(handset, alicesNumber, Duration.ofDays(31));

        ReplyPath daves = resolve(dave, handset);

        assertTrue(daves.routable());
        assertEquals(alicesNumber, daves.senderNumber());
        assertEquals(dave.getId(), owner(handset, alicesNumber));
    }

    @Test
    void aCompanysOwnNumbersComeFirstAndNoOtherCompanyUsesThem() {
        Company initech = newCompany();
        database.inTransaction(em -> {
            try {
                new SenderNumbers(em).replace(em.find(Company.class, initech.getId()), List.of(OWN));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        User peter = newUser(initech);
        User alice = newUser(newCompany());

        assertEquals(OWN, resolve(peter, randomHandset()).senderNumber());
        assertEquals(List.of(OWN, N1, N2), candidates(initech));
        assertEquals(List.of(N1, N2), candidates(alice.getCompany()), "even when the pool lists it too");
    }

    /** Where carriers have numbers of their own, a message's candidates are those of its route's carriers. */
    @Test
    void aMessageGoesOutFromANumberOfACarrierOnItsRoute() {
        Company initech = newCompany();
        List<List<String>> byRoute = inTransaction(em -> {
            ReplyPathResolver cut = resolver(em);
            cut.carrierOfNumber = Map.of(N1, "default", N2, "nz");
            Map<String, Long> assigned = cut.assignedNumbers();
            return List.of(cut.candidatesFor(initech.getId(), assigned, List.of()),
                    cut.candidatesFor(initech.getId(), assigned, List.of("nz")),
                    cut.candidatesFor(initech.getId(), assigned, List.of("au", "default")),
                    cut.candidatesFor(initech.getId(), assigned, List.of("au")));
        });

        assertEquals(List.of(N1), byRoute.get(0), "the default carrier's");
        assertEquals(List.of(N2), byRoute.get(1));
        assertEquals(List.of(N1), byRoute.get(2), "any carrier of the route");
        assertEquals(List.of(), byRoute.get(3), "a carrier without numbers: none of the pool (the message goes one-way)");
    }

    @Test
    void aMessageThatCannotCarryRepliesGoesOutFromItsFirstCarriersOneWaySender() {
        ReplyPathResolver cut = new ReplyPathResolver();
        cut.oneWay = "NoReply";
        cut.oneWayOfCarrier = Map.of("nz", "AcmeNZ");

        assertEquals(new ReplyPath("AcmeNZ", false), cut.oneWay(List.of("nz", "default")));
        assertEquals(new ReplyPath("NoReply", false), cut.oneWay(List.of("au", "nz")), "the first carrier's, or the default");
        assertEquals(new ReplyPath("NoReply", false), cut.oneWay(List.of()));
    }

    @Test
    void differentRecipientsHaveIndependentConversations() {
        Company acme = newCompany();
        User alice = newUser(acme);
        User bob = newUser(acme);

        assertEquals(resolve(alice, randomHandset()).senderNumber(), resolve(bob, randomHandset()).senderNumber(),
                "both start on the first number");
    }

    private static ReplyPathResolver resolver(EntityManager em) {
        ReplyPathResolver cut = new ReplyPathResolver();
        cut.em = em;
        cut.senderNumbers = new SenderNumbers(em);
        cut.statistics = new ReplyPathStatistics();
        cut.pool = List.of(N1, N2, OWN);
        cut.lifetime = Duration.ofDays(30);
        cut.oneWay = "NoReply";
        return cut;
    }

    private static ReplyPath resolve(User user, String recipient) {
        return inTransaction(em -> {
            ReplyPathResolver cut = resolver(em);
            long company = em.find(User.class, user.getId()).getCompany().getId();
            ReplyPathResolver.Conversations alone = cut.conversations(List.of(recipient));
            ReplyPath path = alone.senderNumbersFor(user.getId(), company, List.of(recipient),
                    cut.candidatesFor(company, cut.assignedNumbers(), List.of())).get(0);
            alone.write();
            return path;
        });
    }

    private static List<String> candidates(Company company) {
        return inTransaction(em -> {
            ReplyPathResolver cut = resolver(em);
            return cut.candidatesFor(company.getId(), cut.assignedNumbers(), List.of());
        });
    }

    private static void age(String recipient, String number, Duration by) {
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE reply_path SET last_used_at = ?1 WHERE recipient = ?2 AND sender_number = ?3")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(by)).setParameter(2, recipient)
                    .setParameter(3, number).executeUpdate();
        });
    }

    private static long owner(String recipient, String number) {
        return inTransaction(em -> ((Number) em.createNativeQuery(
                        "SELECT user_id FROM reply_path WHERE recipient = ?1 AND sender_number = ?2")
                .setParameter(1, recipient).setParameter(2, number).getSingleResult()).longValue());
    }

    private static String randomHandset() {
        return "+61412" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    private static Company newCompany() {
        return inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            return company;
        });
    }

    private static User newUser(Company company) {
        return inTransaction(em -> {
            User user = User.companyUser(em.find(Company.class, company.getId()), null, "u-" + UUID.randomUUID(),
                    "u@example.test", Role.SENDER, "hash");
            em.persist(user);
            return user;
        });
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return database.inTransaction(work);
    }
}
