package org.emailsms.gateway.ws.account;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.LicenceText;

/** The end-user licence a client shows before activating; it accepts it by sending the version to activate. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "LicenceInfo", propOrder = {"version", "text"})
public class LicenceInfo {

    private String version;
    private String text;

    public LicenceInfo() {
    }

    static LicenceInfo of(LicenceText licence) {
        LicenceInfo info = new LicenceInfo();
        info.version = licence.version();
        info.text = licence.text();
        return info;
    }

    public String getVersion() {
        return version;
    }

    public String getText() {
        return text;
    }
}
