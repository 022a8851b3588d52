package org.emailsms.gateway.message.control;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emailsms.gateway.message.entity.DictionaryEntry;

/**
 * A text made shorter with a dictionary: each whole word found in it (any case) becomes its
 * replacement, which starts with a capital when the word did ("Tomorrow" becomes "2moro", "Please"
 * becomes "Pls"), and runs of spaces become one. Words are letters and digits, with apostrophes
 * inside ("don't"); nothing inside a longer word is replaced ("pleased" stays).
 */
public final class TextCompression {

    /** The form of a word, in the text and in a dictionary. */
    public static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private TextCompression() {
    }

    /** @param replacements by {@link DictionaryEntry#keyOf(String) word key} */
    public static String compress(String text, Map<String, String> replacements) {
        Matcher words = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (words.find()) {
            String word = words.group();
            String replacement = replacements.get(DictionaryEntry.keyOf(word));
            words.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? word : inCaseOf(word, replacement)));
        }
        words.appendTail(out);
        return SPACES.matcher(out).replaceAll(" ");
    }

    private static String inCaseOf(String word, String replacement) {
        if (replacement.isEmpty() || !Character.isUpperCase(word.codePointAt(0))) {
            return replacement;
        }
        int first = replacement.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(replacement, Character.charCount(first), replacement.length()).toString();
    }
}
