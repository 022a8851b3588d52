package org.emailsms.gateway.inbound.control;

import java.nio.charset.StandardCharsets;

import com.cloudhopper.commons.charset.CharsetUtil;

/**
 * Text of a mobile-originated message by its SMPP data_coding: the SMSC default alphabet (GSM 03.38,
 * one septet per octet as SMPP carries it), IA5, Latin-1 and UCS-2, and the GSM 03.38 coding
 * groups for what some SMSCs pass through from the handset. Binary payloads are shown as Latin-1.
 */
public final class InboundText {

    private static final int SMSC_DEFAULT = 0x00;
    private static final int IA5 = 0x01;
    private static final int LATIN_1 = 0x03;
    private static final int UCS2 = 0x08;

    private InboundText() {
    }

    public static String decode(byte[] payload, int dataCoding) {
        int coding = dataCoding & 0xFF;
        return switch (coding) {
            case SMSC_DEFAULT -> CharsetUtil.decode(payload, CharsetUtil.CHARSET_GSM);
            case IA5 -> new String(payload, StandardCharsets.US_ASCII);
            case LATIN_1 -> new String(payload, StandardCharsets.ISO_8859_1);
            case UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
            default -> byCodingGroup(payload, coding);
        };
    }

    /** 3GPP TS 23.038: general data coding (00xx) and message class (1111) groups. */
    private static String byCodingGroup(byte[] payload, int coding) {
        if ((coding & 0xF0) == 0xF0) {
            return (coding & 0x04) == 0 ? CharsetUtil.decode(payload, CharsetUtil.CHARSET_GSM)
                    : new String(payload, StandardCharsets.ISO_8859_1);
        }
        if ((coding & 0xC0) == 0x00) {
            return switch (coding & 0x0C) {
                case 0x00 -> CharsetUtil.decode(payload, CharsetUtil.CHARSET_GSM);
                case 0x08 -> new String(payload, StandardCharsets.UTF_16BE);
                default -> new String(payload, StandardCharsets.ISO_8859_1);
            };
        }
        return new String(payload, StandardCharsets.ISO_8859_1);
    }
}
