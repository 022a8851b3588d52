package org.emailsms.gateway.admin.account;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;
import org.emailsms.gateway.account.boundary.AdministratorAccounts.GivenPassword;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;

/**
 * The provider's administrators: create another one, reset one's password. A generated password is
 * shown here once (and mailed); its holder must change it at the first sign-in.
 */
@Named
@ViewScoped
public class AdministratorsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AdministratorAccounts accounts;

    @Inject
    Caller caller;

    private List<User> list = List.of();
    private String username;
    private String email;
    private GivenPassword given;

    @PostConstruct
    public void init() {
        Actions.run(() -> list = accounts.providerAdministrators(caller.getName()), null);
    }

    public void create() {
        if (Actions.run(() -> given = accounts.createProviderAdministrator(caller.getName(), username, email),
                "Provider administrator '" + username + "' created; the password was mailed too.")) {
            username = null;
            email = null;
            init();
        }
    }

    public void reset(User administrator) {
        Actions.run(() -> given = accounts.resetProviderAdministrator(caller.getName(), administrator.getId()),
                "The password of '" + administrator.getUsername() + "' was reset and mailed; it must be changed at the next sign-in.");
        init();
    }

    public List<User> getList() {
        return list;
    }

    public GivenPassword getGiven() {
        return given;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
