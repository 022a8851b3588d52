package org.emailsms.gateway.admin.security;

import java.io.Serializable;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Who is signed in: every boundary call of the portal names this administrator. */
@Named
@RequestScoped
public class Caller implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    public String getName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public boolean isProvider() {
        return security.isCallerInRole("PROVIDER_ADMIN");
    }
}
