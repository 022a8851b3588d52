package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.DictionaryWord;

/** A word of a company's compression dictionary and what it becomes ("tomorrow" becomes "2moro"). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CompanyDictionaryWord", propOrder = {"word", "replacement"})
public class DictionaryWordSpec {

    private String word;
    private String replacement;

    public DictionaryWordSpec() {
    }

    static DictionaryWordSpec of(DictionaryWord word) {
        DictionaryWordSpec spec = new DictionaryWordSpec();
        spec.word = word.word();
        spec.replacement = word.replacement();
        return spec;
    }

    public String getWord() {
        return word;
    }

    public String getReplacement() {
        return replacement;
    }
}
