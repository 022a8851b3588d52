package org.emailsms.gateway.ws.platform;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The detail of every fault: a stable code to branch on and a message for people. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GatewayFaultInfo", propOrder = {"code", "message"})
public class GatewayFaultInfo {

    @XmlElement(required = true)
    private String code;

    @XmlElement(required = true)
    private String message;

    public GatewayFaultInfo() {
    }

    public GatewayFaultInfo(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }
}
