package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** A new user; leave the password out to have one generated and returned once. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UserSpec", propOrder = {"company", "department", "username", "email", "mobile", "role", "password"})
public class UserSpec {

    @XmlElement(required = true)
    String company;
    String department;
    @XmlElement(required = true)
    String username;
    @XmlElement(required = true)
    String email;
    String mobile;
    /** SENDER (the default) or COMPANY_ADMIN. */
    String role;
    String password;
}
