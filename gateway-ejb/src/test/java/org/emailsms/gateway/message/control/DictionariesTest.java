package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.DictionaryEntry;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dictionaries a user's texts go through, on the migrated schema (H2). */
class DictionariesTest {

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
    void aUsersOwnWordsGoBeforeTheCompanysAndNobodyElsesCount() {
        Map<String, String> replacements = database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User alice = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.SENDER, "hash");
            User bob = User.companyUser(company, null, "b-" + UUID.randomUUID(), "b@example.test", Role.SENDER, "hash");
            em.persist(alice);
            em.persist(bob);
            em.persist(new DictionaryEntry(company.getId(), null, "Tomorrow", "2moro"));
            em.persist(new DictionaryEntry(company.getId(), null, "please", "pls"));
            em.persist(new DictionaryEntry(company.getId(), alice.getId(), "please", "plz"));
            em.persist(new DictionaryEntry(company.getId(), bob.getId(), "you", "u"));
            em.flush();
            Dictionaries cut = new Dictionaries();
            cut.em = em;
            return cut.replacementsFor(alice);
        });

        assertEquals(Map.of("tomorrow", "2moro", "please", "plz"), replacements);
    }

    @Test
    void takesOnlyOneWordOfAtMostFortyCharacters() throws Exception {
        assertEquals("don't", Dictionaries.requireWord(" don't "));
        assertThrows(InvalidRequestException.class, () -> Dictionaries.requireWord("two words"));
        assertThrows(InvalidRequestException.class, () -> Dictionaries.requireWord("x".repeat(41)));
        assertThrows(InvalidRequestException.class, () -> Dictionaries.requireReplacement("a", "line\nbreak"));
        assertThrows(InvalidRequestException.class, () -> Dictionaries.requireReplacement("a", " "));
    }
}
