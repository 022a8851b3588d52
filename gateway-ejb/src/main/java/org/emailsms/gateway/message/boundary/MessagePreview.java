package org.emailsms.gateway.message.boundary;

/**
 * A text as it would go, without sending it: the alphabet it needs ({@code GSM7} or {@code UCS2}),
 * its length in characters, the SMS segments it takes, the characters the last segment still
 * holds, and whether the sender's company lets it go in that many segments. Compressed, the text is
 * the compressed one and {@code compression} says what it saved (null when not asked to compress).
 */
public record MessagePreview(String text, String encoding, int characters, int segments, int charactersLeft,
                             boolean fits, Compression compression) {
}
