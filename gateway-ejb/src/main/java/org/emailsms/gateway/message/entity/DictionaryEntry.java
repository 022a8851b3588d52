package org.emailsms.gateway.message.entity;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * One word of a compression dictionary and what it becomes: the company's when it has no user,
 * else that user's own. A user's entry overrides the company's for the same word.
 */
@Entity
@Table(name = "dictionary_entry")
@NamedQuery(name = "DictionaryEntry.forUser", query = """
        SELECT e FROM DictionaryEntry e WHERE e.companyId = :company AND (e.userId IS NULL OR e.userId = :user)
        ORDER BY e.wordKey""")
@NamedQuery(name = "DictionaryEntry.ofCompany",
        query = "SELECT e FROM DictionaryEntry e WHERE e.companyId = :company AND e.userId IS NULL ORDER BY e.wordKey")
@NamedQuery(name = "DictionaryEntry.ownByUser",
        query = "SELECT e FROM DictionaryEntry e WHERE e.userId = :user ORDER BY e.wordKey")
public class DictionaryEntry extends GatewayEntity {

    public static final int MAX_LENGTH = 40;

    @Column(name = "company_id", nullable = false)
    private Long companyId;

    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = MAX_LENGTH)
    private String word;

    @Column(name = "word_key", nullable = false, length = MAX_LENGTH)
    private String wordKey;

    @Column(nullable = false, length = MAX_LENGTH)
    private String replacement;

    protected DictionaryEntry() {
    }

    /** {@code userId} null: the company's entry. Both texts are checked by the caller. */
    public DictionaryEntry(Long companyId, Long userId, String word, String replacement) {
        this.companyId = companyId;
        this.userId = userId;
        this.word = word;
        this.wordKey = keyOf(word);
        this.replacement = replacement;
    }

    public static String keyOf(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    public void replaceWith(String replacement) {
        this.replacement = replacement;
    }

    public boolean isCompanys() {
        return userId == null;
    }

    public String getWord() {
        return word;
    }

    public String getWordKey() {
        return wordKey;
    }

    public String getReplacement() {
        return replacement;
    }
}
