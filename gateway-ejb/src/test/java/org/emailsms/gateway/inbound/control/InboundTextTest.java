package org.emailsms.gateway.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InboundTextTest {

    @Test
    void decodesTheGsmDefaultAlphabetWithItsEscapes() {
        // '@' is 0x00 and '€' is ESC 0x65 in GSM 03.38, one septet per octet as SMPP carries it.
        assertEquals("@ 5€", InboundText.decode(new byte[] {0x00, 0x20, 0x35, 0x1B, 0x65}, 0x00));
    }

    @Test
    void decodesUcs2IncludingCharactersOutsideTheBasicPlane() {
        assertEquals("Привет 😀", InboundText.decode("Привет 😀".getBytes(StandardCharsets.UTF_16BE), 0x08));
    }

    @Test
    void decodesLatin1AndIa5() {
        assertEquals("café", InboundText.decode("café".getBytes(StandardCharsets.ISO_8859_1), 0x03));
        assertEquals("ok", InboundText.decode("ok".getBytes(StandardCharsets.US_ASCII), 0x01));
    }

    @Test
    void followsTheGsmCodingGroups() {
        assertEquals("@", InboundText.decode(new byte[] {0x00}, 0xF0), "message class group, 7-bit");
        assertEquals("ü", InboundText.decode("ü".getBytes(StandardCharsets.UTF_16BE), 0x18), "general group, UCS-2");
    }
}
