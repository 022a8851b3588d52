package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.emailsms.gateway.message.control.EncodedSms.Alphabet;
import org.junit.jupiter.api.Test;

class EncodedSmsTest {

    @Test
    void plainTextIsOneGsmSegmentUpTo160Characters() {
        EncodedSms cut = EncodedSms.of("a".repeat(160));
        assertEquals(Alphabet.GSM7, cut.alphabet());
        assertEquals(1, cut.segmentCount());
        assertEquals(160, cut.segments().get(0).length);
    }

    @Test
    void longerGsmTextSplitsIn153SeptetSegments() {
        EncodedSms cut = EncodedSms.of("b".repeat(161));
        assertEquals(2, cut.segmentCount());
        assertEquals(153, cut.segments().get(0).length);
        assertEquals(8, cut.segments().get(1).length);
        assertEquals(3, EncodedSms.of("c".repeat(400)).segmentCount());
    }

    @Test
    void extensionCharactersCountTwiceAndAreNeverCutInHalf() {
        assertEquals(1, EncodedSms.of("€".repeat(80)).segmentCount(), "80 euro signs are 160 septets");
        EncodedSms cut = EncodedSms.of("xy" + "€".repeat(80));
        assertEquals(2, cut.segmentCount());
        assertEquals(152, cut.segments().get(0).length, "153 septets would end between the escape and the 76th euro");
        assertEquals("xy" + "€".repeat(80), decodeAll(cut));
    }

    @Test
    void anythingOutsideGsmGoesAsUcs2In70And67UnitSegments() {
        EncodedSms chinese = EncodedSms.of("你好".repeat(35));
        assertEquals(Alphabet.UCS2, chinese.alphabet());
        assertEquals(0x08, chinese.alphabet().dataCoding());
        assertEquals(1, chinese.segmentCount());
        EncodedSms longer = EncodedSms.of("你".repeat(71));
        assertEquals(2, longer.segmentCount());
        assertEquals(134, longer.segments().get(0).length);
    }

    @Test
    void emojiAreNeverCutBetweenTheirTwoHalves() {
        String text = "ab" + "😀".repeat(40);
        EncodedSms cut = EncodedSms.of(text);
        assertEquals(Alphabet.UCS2, cut.alphabet());
        assertTrue(cut.segments().stream().allMatch(s -> s.length % 4 == 2 || s.length % 4 == 0));
        assertEquals(132, cut.segments().get(0).length, "67 units would end inside the 33rd emoji");
        assertEquals(text, decodeAll(cut));
    }

    @Test
    void decodesWhatItEncodes() {
        for (String text : new String[] {"Hello {world} [ok] ~ ^ | \\ €", "Grüße aus Zürich", "Привет"}) {
            EncodedSms cut = EncodedSms.of(text);
            assertEquals(text, decodeAll(cut), text);
        }
    }

    /** Outlook's parts: each an SMS of its own, one alphabet for all, refused when one does not fit an SMS. */
    @Test
    void separatePartsAreOneSmsEachInOneAlphabetOrRefusedWhenOneIsTooLong() {
        EncodedSms gsm = EncodedSms.separate(java.util.List.of("First part", "Second part")).orElseThrow();
        assertEquals(EncodedSms.Alphabet.GSM7, gsm.alphabet());
        assertEquals(2, gsm.segmentCount());
        assertTrue(gsm.isSeparate());
        assertEquals("Second part", EncodedSms.decode(gsm.segments().get(1), gsm.alphabet().dataCoding()));

        EncodedSms ucs2 = EncodedSms.separate(java.util.List.of("Plain", "Привет")).orElseThrow();
        assertEquals(EncodedSms.Alphabet.UCS2, ucs2.alphabet(), "one part needs UCS-2, so both go in it");
        assertEquals("Plain", EncodedSms.decode(ucs2.segments().get(0), ucs2.alphabet().dataCoding()));

        assertTrue(EncodedSms.separate(java.util.List.of("a".repeat(160))).isPresent());
        assertTrue(EncodedSms.separate(java.util.List.of("a".repeat(161))).isEmpty());
        assertTrue(EncodedSms.separate(java.util.List.of("Привет".repeat(12))).isEmpty(), "72 UCS-2 characters");
    }

    private static String decodeAll(EncodedSms sms) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        sms.segments().forEach(all::writeBytes);
        return EncodedSms.decode(all.toByteArray(), sms.alphabet().dataCoding());
    }

    @Test
    void theLastSegmentSaysHowManyMoreCharactersItHolds() {
        assertEquals(155, EncodedSms.of("Hello").charactersLeftInLastSegment());
        assertEquals(158, EncodedSms.of("€").charactersLeftInLastSegment(), "an extension character takes two");
        assertEquals(0, EncodedSms.of("a".repeat(160)).charactersLeftInLastSegment());
        assertEquals(153 - 8, EncodedSms.of("a".repeat(161)).charactersLeftInLastSegment(), "153 + 8 once concatenated");
        assertEquals(68, EncodedSms.of("你好").charactersLeftInLastSegment());
        assertEquals(67 - 4, EncodedSms.of("你".repeat(71)).charactersLeftInLastSegment());
        assertEquals(160 - 2, EncodedSms.separate(java.util.List.of("a".repeat(160), "ab")).orElseThrow()
                .charactersLeftInLastSegment(), "separate SMS each hold 160");
    }
}
