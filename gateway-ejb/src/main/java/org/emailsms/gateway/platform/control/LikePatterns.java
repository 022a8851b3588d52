package org.emailsms.gateway.platform.control;

import java.util.Locale;

/**
 * JPQL {@code LIKE} patterns for "contains this text, in any case" searches: the text in lower case
 * with its own {@code %} and {@code _} taken literally. Queries compare {@code LOWER(column)} and
 * say {@code ESCAPE '!'}.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String contains(String text) {
        String literal = (text == null ? "" : text.strip().toLowerCase(Locale.ROOT))
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }
}
