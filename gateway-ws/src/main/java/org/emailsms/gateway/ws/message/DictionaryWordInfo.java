package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.DictionaryWord;

/** A word of a compression dictionary and what it becomes; {@code scope} COMPANY or USER (the user's own). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DictionaryWord", propOrder = {"word", "replacement", "scope"})
public class DictionaryWordInfo {

    private String word;
    private String replacement;
    private String scope;

    public DictionaryWordInfo() {
    }

    public static DictionaryWordInfo of(DictionaryWord word) {
        DictionaryWordInfo info = new DictionaryWordInfo();
        info.word = word.word();
        info.replacement = word.replacement();
        info.scope = word.companys() ? "COMPANY" : "USER";
        return info;
    }
}
