package org.emailsms.gateway.message.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.Dictionaries;
import org.emailsms.gateway.message.entity.DictionaryEntry;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * The compression dictionaries: each user's own entries (through the SOAP API, by serial) and the
 * company's (its administrators, through the portal and provisioning).
 */
@Stateless
public class DictionaryService {

    private static final Logger LOG = Logger.getLogger(DictionaryService.class.getName());
    static final int MAX_USER_ENTRIES = 200;
    static final int MAX_COMPANY_ENTRIES = 1_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    ActivationService activations;

    @Inject
    AdminAudit audit;

    @Inject
    Dictionaries dictionaries;

    @Inject
    Tenancy tenancy;

    /** The company's entries and the user's own, by word; where both have a word, the user's. */
    public List<DictionaryWord> words(String serial)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        User user = sender(activations.userOf(serial));
        Map<String, DictionaryWord> byKey = new LinkedHashMap<>();
        for (DictionaryEntry entry : dictionaries.entriesFor(user)) {
            if (entry.isCompanys()) {
                byKey.putIfAbsent(entry.getWordKey(), word(entry));
            }
        }
        for (DictionaryEntry entry : dictionaries.entriesFor(user)) {
            if (!entry.isCompanys()) {
                byKey.put(entry.getWordKey(), word(entry));
            }
        }
        return byKey.values().stream().sorted((a, b) -> a.word().compareToIgnoreCase(b.word())).toList();
    }

    /** Adds a word to the user's own dictionary, or gives it a new replacement. */
    public DictionaryWord addWord(String serial, String word, String replacement)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        User user = sender(activations.userOf(serial));
        String checkedWord = Dictionaries.requireWord(word);
        String checkedReplacement = Dictionaries.requireReplacement(checkedWord, replacement);
        List<DictionaryEntry> own = ownEntries(user);
        Optional<DictionaryEntry> existing = find(own, checkedWord);
        if (existing.isPresent()) {
            existing.get().replaceWith(checkedReplacement);
            return word(existing.get());
        }
        if (own.size() >= MAX_USER_ENTRIES) {
            throw new InvalidRequestException("Your dictionary holds " + MAX_USER_ENTRIES + " words already: remove one first.");
        }
        DictionaryEntry entry = new DictionaryEntry(user.getCompany().getId(), user.getId(), checkedWord, checkedReplacement);
        em.persist(entry);
        return word(entry);
    }

    /** Removes a word from the user's own dictionary; false when it held none. */
    public boolean removeWord(String serial, String word)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        User user = sender(activations.userOf(serial));
        Optional<DictionaryEntry> existing = find(ownEntries(user), Dictionaries.requireWord(word));
        existing.ifPresent(em::remove);
        return existing.isPresent();
    }

    /** The company's own entries, for its administrators. */
    public List<DictionaryWord> companyWords(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return companyEntries(company).stream().map(DictionaryService::word).toList();
    }

    /**
     * Replaces the company's dictionary with {@code words} (word to replacement); every entry is
     * checked first, and one bad entry changes nothing.
     */
    public List<DictionaryWord> replaceCompanyWords(String actorName, Long companyId, Map<String, String> words)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        if (words.size() > MAX_COMPANY_ENTRIES) {
            throw new InvalidRequestException("A company's dictionary holds at most " + MAX_COMPANY_ENTRIES + " words.");
        }
        Map<String, String[]> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : words.entrySet()) {
            String word = Dictionaries.requireWord(entry.getKey());
            String replacement = Dictionaries.requireReplacement(word, entry.getValue());
            if (checked.put(DictionaryEntry.keyOf(word), new String[] {word, replacement}) != null) {
                throw new InvalidRequestException("'" + word + "' is in the dictionary twice.");
            }
        }
        int before = companyEntries(company).size();
        companyEntries(company).forEach(em::remove);
        em.flush();
        List<DictionaryWord> saved = new ArrayList<>();
        for (String[] entry : checked.values()) {
            DictionaryEntry stored = new DictionaryEntry(company.getId(), null, entry[0], entry[1]);
            em.persist(stored);
            saved.add(word(stored));
        }
        audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "compression dictionary",
                AdminAudit.changes().of("words", before, checked.size()).toString());
        LOG.info(() -> String.format("%s gave '%s' a dictionary of %d words", actor.getUsername(), company.getName(),
                checked.size()));
        return saved.stream().sorted((a, b) -> a.word().compareToIgnoreCase(b.word())).toList();
    }

    private List<DictionaryEntry> companyEntries(Company company) {
        return em.createNamedQuery("DictionaryEntry.ofCompany", DictionaryEntry.class)
                .setParameter("company", company.getId()).getResultList();
    }

    private List<DictionaryEntry> ownEntries(User user) {
        return em.createNamedQuery("DictionaryEntry.ownByUser", DictionaryEntry.class)
                .setParameter("user", user.getId()).getResultList();
    }

    private static Optional<DictionaryEntry> find(List<DictionaryEntry> entries, String word) {
        String key = DictionaryEntry.keyOf(word);
        return entries.stream().filter(e -> e.getWordKey().equals(key)).findFirst();
    }

    private static User sender(User user) throws InvalidRequestException {
        if (user.getCompany() == null) {
            throw new InvalidRequestException("Provider administrators belong to no company and have no dictionary.");
        }
        return user;
    }

    private static DictionaryWord word(DictionaryEntry entry) {
        return new DictionaryWord(entry.getWord(), entry.getReplacement(), entry.isCompanys());
    }
}
