package org.emailsms.gateway.message.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipient as an email client writes it: a bare number, or a contact with the number in angle
 * brackets ({@code "Jane Doe" <+61 412 345 678>}). The name is kept so that the reply email can
 * say who answered.
 */
public record Recipient(String name, String number) {

    static final int MAX_NAME_LENGTH = 100;
    private static final Pattern NAMED = Pattern.compile("^\\s*\"?([^\"<>]*?)\"?\\s*<([^<>]+)>\\s*$");

    public static Recipient parse(String raw) {
        if (raw == null) {
            return new Recipient(null, null);
        }
        Matcher named = NAMED.matcher(raw);
        if (!named.matches()) {
            return new Recipient(null, raw);
        }
        String name = named.group(1).strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return new Recipient(name.isEmpty() ? null : name, named.group(2).strip());
    }
}
