package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.CreatedUser;

/** The new user's name and, when the gateway chose it, the password: it is not shown again. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CreatedUser", propOrder = {"username", "generatedPassword"})
public class CreatedUserResult {

    private String username;
    private String generatedPassword;

    public CreatedUserResult() {
    }

    static CreatedUserResult of(CreatedUser created) {
        CreatedUserResult result = new CreatedUserResult();
        result.username = created.username();
        result.generatedPassword = created.generatedPassword();
        return result;
    }

    public String getUsername() {
        return username;
    }

    public String getGeneratedPassword() {
        return generatedPassword;
    }
}
