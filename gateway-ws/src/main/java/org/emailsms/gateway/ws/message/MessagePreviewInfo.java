package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.MessagePreview;

/**
 * A text as it would go: {@code encoding} GSM7 or UCS2, {@code characters}, {@code segments},
 * {@code charactersLeft} in the last segment, and {@code fits}: whether the company lets a text of
 * that many segments go (else sendMessage refuses it as too long). Compressed, {@code text} is what
 * would go and {@code compression} says what it saved.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MessagePreview", propOrder = {"text", "encoding", "characters", "segments", "charactersLeft", "fits", "compression"})
public class MessagePreviewInfo {

    private String text;
    private String encoding;
    private int characters;
    private int segments;
    private int charactersLeft;
    private boolean fits;
    private CompressionInfo compression;

    public MessagePreviewInfo() {
    }

    static MessagePreviewInfo of(MessagePreview preview) {
        MessagePreviewInfo info = new MessagePreviewInfo();
        info.text = preview.text();
        info.encoding = preview.encoding();
        info.characters = preview.characters();
        info.segments = preview.segments();
        info.charactersLeft = preview.charactersLeft();
        info.fits = preview.fits();
        info.compression = CompressionInfo.of(preview.compression());
        return info;
    }
}
