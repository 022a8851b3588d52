package org.emailsms.gateway.message.boundary;

/** One dictionary entry as clients see it: whether it is the company's or the user's own. */
public record DictionaryWord(String word, String replacement, boolean companys) {
}
