package org.emailsms.gateway.admin.security;

import java.util.Arrays;
import java.util.Set;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.emailsms.gateway.account.boundary.SignIn;
import org.emailsms.gateway.account.control.DeviceCookies;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;

/**
 * Portal sign-in with Jakarta Security: a form on {@code /login.xhtml} for anything under
 * {@code /admin}, checked against the users in the database with the same lockout and audit as the
 * SOAP activation. The caller's group is its role, PROVIDER_ADMIN or COMPANY_ADMIN; senders are
 * refused. Why a sign-in failed is not told (locked, disabled or wrong password read the same). A
 * browser that signed in before presents its device cookie, which the account's lockout spares.
 */
@ApplicationScoped
@DeclareRoles({"PROVIDER_ADMIN", "COMPANY_ADMIN"})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml",
        errorPage = "", useForwardToLogin = false))
public class PortalSecurity implements IdentityStore {

    @EJB
    SignIn signIns;

    @Inject
    HttpServletRequest request;

    /** The device cookie this browser got at an earlier sign-in, if any. */
    private String deviceCookie() {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> DeviceCookies.NAME.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            Role role = signIns.signInToPortal(login.getCaller(), login.getPasswordAsString(),
                    HttpHardeningFilter.clientAddress(request), deviceCookie());
            return new CredentialValidationResult(login.getCaller().strip().toLowerCase(java.util.Locale.ROOT),
                    Set.of(role.name()));
        } catch (GatewayException refused) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
