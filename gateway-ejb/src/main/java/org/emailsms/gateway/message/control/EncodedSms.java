package org.emailsms.gateway.message.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;

/**
 * A text as it goes over SMPP: GSM 03.38 7-bit (unpacked, one octet per septet) when every
 * character allows it, else UCS-2; one segment, or several that each leave room for a
 * concatenation header. Segments never cut an escape sequence or a surrogate pair in two.
 */
public final class EncodedSms {

    /** The SMPP data_coding and the segment sizes, in septets or UTF-16 units. */
    public enum Alphabet {
        GSM7(0x00, 160, 153),
        UCS2(0x08, 70, 67);

        private final int dataCoding;
        private final int single;
        private final int concatenated;

        Alphabet(int dataCoding, int single, int concatenated) {
            this.dataCoding = dataCoding;
            this.single = single;
            this.concatenated = concatenated;
        }

        public int dataCoding() {
            return dataCoding;
        }

        public static Alphabet ofDataCoding(int dataCoding) {
            return dataCoding == UCS2.dataCoding ? UCS2 : GSM7;
        }
    }

    private static final byte GSM_ESCAPE = 0x1B;

    private final Alphabet alphabet;
    private final List<byte[]> segments;
    private final boolean separate;

    private EncodedSms(Alphabet alphabet, List<byte[]> segments, boolean separate) {
        this.alphabet = alphabet;
        this.segments = List.copyOf(segments);
        this.separate = separate;
    }

    public static EncodedSms of(String text) {
        if (GSMCharset.canRepresent(text)) {
            byte[] septets = CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM);
            return new EncodedSms(Alphabet.GSM7, split(septets, Alphabet.GSM7, 1,
                    (bytes, end) -> bytes[end - 1] == GSM_ESCAPE), false);
        }
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        return new EncodedSms(Alphabet.UCS2, split(ucs2, Alphabet.UCS2, 2,
                (bytes, end) -> Character.isHighSurrogate((char) (((bytes[end - 2] & 0xFF) << 8) | (bytes[end - 1] & 0xFF)))), false);
    }

    /**
     * Texts that go as separate SMS, in order, without a concatenation header (the parts of an
     * Outlook text message): one alphabet for all, GSM 7-bit only when every part allows it.
     * Empty when a part does not fit one SMS of that alphabet.
     */
    public static Optional<EncodedSms> separate(List<String> parts) {
        boolean gsm = parts.stream().allMatch(GSMCharset::canRepresent);
        Alphabet alphabet = gsm ? Alphabet.GSM7 : Alphabet.UCS2;
        List<byte[]> segments = new ArrayList<>();
        for (String part : parts) {
            byte[] payload = gsm ? CharsetUtil.encode(part, CharsetUtil.CHARSET_GSM) : part.getBytes(StandardCharsets.UTF_16BE);
            if (payload.length > alphabet.single * (gsm ? 1 : 2)) {
                return Optional.empty();
            }
            segments.add(payload);
        }
        return Optional.of(new EncodedSms(alphabet, segments, true));
    }

    /** The most characters one SMS of the alphabet holds (GSM extension characters count twice). */
    public static int singleSegmentLimit(Alphabet alphabet) {
        return alphabet.single;
    }

    /** Whether each segment is an SMS of its own rather than a part of one concatenated text. */
    public boolean isSeparate() {
        return separate;
    }

    /** Decodes what {@link #of} produced, for receipts of our own texts and for inbound messages. */
    public static String decode(byte[] payload, int dataCoding) {
        return Alphabet.ofDataCoding(dataCoding) == Alphabet.UCS2
                ? new String(payload, StandardCharsets.UTF_16BE)
                : CharsetUtil.decode(payload, CharsetUtil.CHARSET_GSM);
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public int segmentCount() {
        return segments.size();
    }

    /**
     * How many more characters the last segment holds (GSM extension characters take two), so a
     * writer sees how far the text may grow before it costs another SMS.
     */
    public int charactersLeftInLastSegment() {
        int bytesPerUnit = alphabet == Alphabet.UCS2 ? 2 : 1;
        int capacity = segments.size() == 1 || separate ? alphabet.single : alphabet.concatenated;
        return capacity - segments.get(segments.size() - 1).length / bytesPerUnit;
    }

    /** The payload of each segment, without any header. */
    public List<byte[]> segments() {
        return segments;
    }

    /** Whether a cut just before {@code end} would separate two units that belong together. */
    private interface CutGuard {
        boolean splitsPair(byte[] bytes, int end);
    }

    private static List<byte[]> split(byte[] bytes, Alphabet alphabet, int bytesPerUnit, CutGuard guard) {
        if (bytes.length <= alphabet.single * bytesPerUnit) {
            return List.of(bytes);
        }
        int max = alphabet.concatenated * bytesPerUnit;
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = Math.min(start + max, bytes.length);
            if (end < bytes.length && guard.splitsPair(bytes, end)) {
                end -= bytesPerUnit;
            }
            byte[] part = new byte[end - start];
            System.arraycopy(bytes, start, part, 0, part.length);
            parts.add(part);
            start = end;
        }
        return parts;
    }
}
