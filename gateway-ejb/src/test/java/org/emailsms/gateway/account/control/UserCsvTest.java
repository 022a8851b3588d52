package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserCsvTest {

    @Test
    void readsRowsWithTheirLineNumbersQuotesAndMissingColumns() throws Exception {
        List<UserCsv.Row> rows = UserCsv.read(new StringReader("""
                Username,Email,Department,Role,Mobile
                jdoe,jane@example.com,"Sales, North",sender,0412345678

                asmith,alan@example.com
                """));

        assertEquals(2, rows.size());
        assertEquals(new UserCsv.Row(2, "jdoe", "jane@example.com", "Sales, North", "sender", "0412345678"), rows.get(0));
        assertEquals("SENDER", rows.get(0).roleOrDefault());
        assertEquals(4, rows.get(1).line(), "blank lines are skipped but counted");
        assertEquals("", rows.get(1).department());
        assertEquals("SENDER", rows.get(1).roleOrDefault());
    }

    @Test
    void theTemplateReadsBack() throws Exception {
        assertEquals(2, UserCsv.read(new StringReader(UserCsv.TEMPLATE)).size());
    }

    @Test
    void refusesAFileWithoutTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> UserCsv.read(new StringReader("jdoe,jane@example.com\n")));
    }
}
