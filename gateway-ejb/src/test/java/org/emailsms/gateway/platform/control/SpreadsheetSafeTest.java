package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"Jane\")", SpreadsheetSafe.cell("=HYPERLINK(\"http://evil.example\",\"Jane\")"));
        assertEquals("'+1+cmd|' /C calc'!A0", SpreadsheetSafe.cell("+1+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetSafe.cell("-2+3"));
        assertEquals("'@SUM(1)", SpreadsheetSafe.cell("@SUM(1)"));
        assertEquals("'\t=1", SpreadsheetSafe.cell("\t=1"));
        assertEquals("'\r=1", SpreadsheetSafe.cell("\r=1"));
    }

    @Test
    void everythingElseIsLeftAlone() {
        assertEquals("Jane Doe", SpreadsheetSafe.cell("Jane Doe"));
        assertEquals("+61412345678", SpreadsheetSafe.cell("+61412345678"), "an E.164 number is no formula");
        assertEquals("", SpreadsheetSafe.cell(""));
        assertEquals(-5, SpreadsheetSafe.cell(-5), "numbers are written as numbers");
        assertArrayEquals(new Object[] {1L, "'=1", null}, SpreadsheetSafe.record(1L, "=1", null));
    }
}
