package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.Compression;

/** What compression saved: the text's characters and segments before and after. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Compression", propOrder = {"charactersBefore", "segmentsBefore", "charactersAfter", "segmentsAfter"})
public class CompressionInfo {

    private int charactersBefore;
    private int segmentsBefore;
    private int charactersAfter;
    private int segmentsAfter;

    public CompressionInfo() {
    }

    static CompressionInfo of(Compression saved) {
        if (saved == null) {
            return null;
        }
        CompressionInfo info = new CompressionInfo();
        info.charactersBefore = saved.charactersBefore();
        info.segmentsBefore = saved.segmentsBefore();
        info.charactersAfter = saved.charactersAfter();
        info.segmentsAfter = saved.segmentsAfter();
        return info;
    }
}
