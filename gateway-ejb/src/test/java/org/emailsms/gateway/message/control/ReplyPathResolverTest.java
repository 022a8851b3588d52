package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reply-path rule of DESIGN.md against the migrated schema on H2. */
class ReplyPathResolverTest {

    private static final String N1 = "+61491570156";
    private static final String N2 = "+61491570157";
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
    void keepsEachConversationOnItsOwnNumberAndHandsOverTheLeastRecentlyUsed() {
        User alice = newUser();
        User bob = newUser();
        User carol = newUser();
        String recipient = "+61412" + (100000 + (int) (Math.random() * 899999));

        String alicesNumber = resolve(alice, recipient);
        String bobsNumber = resolve(bob, recipient);
        assertNotEquals(alicesNumber, bobsNumber, "a free pool number before sharing one");
        assertEquals(bobsNumber, resolve(bob, recipient), "bob keeps his pair although alice's is older");
        assertEquals(alicesNumber, resolve(alice, recipient), "the pair alice owns stays hers");

        assertEquals(bobsNumber, resolve(carol, recipient), "no free number: the least recently used pair");
        assertEquals(alicesNumber, resolve(bob, recipient), "bob lost his pair, gets the next least recently used");
        assertEquals(List.of(carol.getId(), bob.getId()), List.of(owner(recipient, bobsNumber), owner(recipient, alicesNumber)));
    }

    @Test
    void differentRecipientsHaveIndependentConversations() {
        User alice = newUser();
        User bob = newUser();

        assertEquals(resolve(alice, "+61412000001"), resolve(bob, "+61412000002"), "both start on the first number");
    }

    private static String resolve(User user, String recipient) {
        return inTransaction(em -> {
            ReplyPathResolver cut = new ReplyPathResolver();
            cut.em = em;
            cut.pool = List.of(N1, N2);
            return cut.senderNumberFor(em.find(User.class, user.getId()), recipient);
        });
    }

    private static long owner(String recipient, String number) {
        return inTransaction(em -> ((Number) em.createNativeQuery(
                        "SELECT user_id FROM reply_path WHERE recipient = ?1 AND sender_number = ?2")
                .setParameter(1, recipient).setParameter(2, number).getSingleResult()).longValue());
    }

    private static User newUser() {
        return inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "hash");
            em.persist(user);
            return user;
        });
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return database.inTransaction(work);
    }
}
