package org.emailsms.gateway.platform.control;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Cells of every CSV the gateway writes, made safe to open in a spreadsheet (CSV injection): a text
 * that starts with {@code = + - @}, a tab or a carriage return would be run as a formula, so it gets
 * a leading apostrophe, as OWASP recommends. Contact names and error texts come from outside.
 * A phone number in E.164 ({@code +61412345678}) is left alone: it is no formula and is read as one
 * number either way.
 */
public final class SpreadsheetSafe {

    private static final Pattern E164 = Pattern.compile("\\+\\d{1,15}");

    private SpreadsheetSafe() {
    }

    public static Object cell(Object value) {
        if (!(value instanceof String text) || text.isEmpty() || E164.matcher(text).matches()) {
            return value;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** A whole record, for CSVPrinter.printRecord. */
    public static Object[] record(Object... values) {
        return Arrays.stream(values).map(SpreadsheetSafe::cell).toArray();
    }
}
