package org.emailsms.gateway.account.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk-upload file: a header line, then one user per line with the columns
 * {@value #HEADER}. Role is SENDER or COMPANY_ADMIN (blank: SENDER); department and mobile may be
 * blank. Read by Apache Commons CSV, so quoting and commas inside quotes work as in any spreadsheet.
 */
public final class UserCsv {

    public static final String HEADER = "username,email,department,role,mobile";
    public static final String TEMPLATE = HEADER + "\njdoe,jane.doe@example.com,Sales,SENDER,+61412345678\n"
            + "asmith,alan.smith@example.com,,COMPANY_ADMIN,\n";
    public static final int MAX_ROWS = 10_000;

    private UserCsv() {
    }

    /** One data line of the file: its line number and its fields, trimmed (missing ones blank). */
    public record Row(long line, String username, String email, String department, String role, String mobile) {

        public String roleOrDefault() {
            return role.isBlank() ? "SENDER" : role.toUpperCase(Locale.ROOT);
        }
    }

    public static List<Row> read(Reader file) throws IOException, IllegalArgumentException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
        String text = new java.io.BufferedReader(file).lines().collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            if (parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).noneMatch("email"::equals)
                    || parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).noneMatch("username"::equals)) {
                throw new IllegalArgumentException("The first line must name the columns: " + HEADER + ".");
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException("A file holds at most " + MAX_ROWS + " users.");
                }
                rows.add(new Row(lineOf(text, record.getCharacterPosition()), field(record, "username"), field(record, "email"),
                        field(record, "department"), field(record, "role"), field(record, "mobile")));
            }
        }
        return rows;
    }

    /** The line a record starts on, as a spreadsheet numbers it (the header is line 1). */
    private static long lineOf(String text, long position) {
        int start = (int) position;
        // The parser reports where it started looking, before any blank lines it skipped.
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return 1 + text.substring(0, start).chars().filter(c -> c == '\n').count();
    }

    private static String field(CSVRecord record, String name) {
        return record.isMapped(name) && record.isSet(name) ? record.get(name) : "";
    }
}
