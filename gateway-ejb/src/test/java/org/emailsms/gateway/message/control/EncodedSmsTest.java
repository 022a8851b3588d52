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

    private static String decodeAll(EncodedSms sms) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        sms.segments().forEach(all::writeBytes);
        return EncodedSms.decode(all.toByteArray(), sms.alphabet().dataCoding());
    }
}
