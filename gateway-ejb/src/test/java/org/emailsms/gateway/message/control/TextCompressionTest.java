package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextCompressionTest {

    private static final Map<String, String> WORDS = Map.of("tomorrow", "2moro", "please", "pls", "don't", "dont",
            "für", "4");

    @Test
    void replacesWholeWordsInAnyCase() {
        assertEquals("See you 2moro, pls call", TextCompression.compress("See you tomorrow, please call", WORDS));
        assertEquals("see you 2moro", TextCompression.compress("see you TOMORROW", WORDS));
    }

    @Test
    void keepsTheCapitalOfTheFirstLetter() {
        assertEquals("Pls come 2moro. Pls!", TextCompression.compress("Please come tomorrow. Please!", WORDS));
    }

    @Test
    void leavesWordsInsideLongerWords() {
        assertEquals("pleased, tomorrows, displease", TextCompression.compress("pleased, tomorrows, displease", WORDS));
    }

    @Test
    void takesApostrophesAndLettersBeyondAscii() {
        assertEquals("I dont know, 4 dich", TextCompression.compress("I don't know, für dich", WORDS));
    }

    @Test
    void squeezesRunsOfSpaces() {
        assertEquals("a b c\n d", TextCompression.compress("a  b     c\n d", Map.of()));
    }
}
