package org.emailsms.gateway.admin.security;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;

/** Who is signed in: every boundary call of the portal names this administrator. */
@Named
@RequestScoped
public class Caller implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @EJB
    transient AdministratorAccounts accounts;

    private Boolean passwordChangeRequired;

    public String getName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    /** Until a password someone else set is replaced, the portal offers nothing but the change. */
    public boolean isPasswordChangeRequired() {
        if (passwordChangeRequired == null) {
            String name = getName();
            passwordChangeRequired = name != null && accounts.signInState(name)
                    .map(AdministratorAccounts.SignInState::mustChangePassword).orElse(false);
        }
        return passwordChangeRequired;
    }

    public boolean isProvider() {
        return security.isCallerInRole("PROVIDER_ADMIN");
    }
}
