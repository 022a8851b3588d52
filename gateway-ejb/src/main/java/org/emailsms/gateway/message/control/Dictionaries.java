package org.emailsms.gateway.message.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.DictionaryEntry;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/** The compression dictionaries a user's texts go through: the company's, and the user's own on top. */
@Dependent
public class Dictionaries {

    @PersistenceContext
    EntityManager em;

    /** By word key; the user's own entries override the company's. */
    public Map<String, String> replacementsFor(User user) {
        return replacementsFor(user.getCompany().getId(), user.getId());
    }

    /** The user's own entries over the company's, by the word they replace. */
    public Map<String, String> replacementsFor(long company, long user) {
        Map<String, String> replacements = new HashMap<>();
        List<DictionaryEntry> entries = entriesFor(company, user);
        entries.stream().filter(DictionaryEntry::isCompanys).forEach(e -> replacements.put(e.getWordKey(), e.getReplacement()));
        entries.stream().filter(e -> !e.isCompanys()).forEach(e -> replacements.put(e.getWordKey(), e.getReplacement()));
        return replacements;
    }

    public List<DictionaryEntry> entriesFor(User user) {
        return entriesFor(user.getCompany().getId(), user.getId());
    }

    private List<DictionaryEntry> entriesFor(long company, long user) {
        return em.createNamedQuery("DictionaryEntry.forUser", DictionaryEntry.class)
                .setParameter("company", company).setParameter("user", user).getResultList();
    }

    /** A word as a dictionary takes it: one whole word, at most {@value DictionaryEntry#MAX_LENGTH} characters. */
    public static String requireWord(String word) throws InvalidRequestException {
        String stripped = word == null ? "" : word.strip();
        if (stripped.isEmpty() || stripped.length() > DictionaryEntry.MAX_LENGTH
                || !TextCompression.WORD.matcher(stripped).matches()) {
            throw new InvalidRequestException("'" + (word == null ? "" : word) + "' is not one word of at most "
                    + DictionaryEntry.MAX_LENGTH + " letters and digits.");
        }
        return stripped;
    }

    /** A replacement: 1 to {@value DictionaryEntry#MAX_LENGTH} characters, no line breaks or control characters. */
    public static String requireReplacement(String word, String replacement) throws InvalidRequestException {
        String stripped = replacement == null ? "" : replacement.strip();
        if (stripped.isEmpty() || stripped.length() > DictionaryEntry.MAX_LENGTH
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("The replacement of '" + word + "' must be 1 to "
                    + DictionaryEntry.MAX_LENGTH + " characters on one line.");
        }
        return stripped;
    }
}
