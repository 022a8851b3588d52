package org.emailsms.gateway.platform.control;

/**
 * Text a caller chose (a username tried, an add-in's clientInfo, a company's name), made safe to log:
 * line breaks and other control characters are written as escapes, so nobody can forge a log line
 * by putting one in a request, and the text is cut at 200 characters.
 */
public final class LogSafe {

    private static final int MAX = 200;

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return text.length() > MAX ? safe.append("…").toString() : safe.toString();
    }
}
