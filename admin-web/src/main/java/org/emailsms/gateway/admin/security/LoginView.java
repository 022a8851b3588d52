package org.emailsms.gateway.admin.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;
import org.emailsms.gateway.account.boundary.SignIn;
import org.emailsms.gateway.account.control.DeviceCookies;
import org.omnifaces.util.Messages;

/** The sign-in form and sign-out. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext security;

    @EJB
    AdministratorAccounts accounts;

    @EJB
    SignIn signIns;

    private String username;
    private String password;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, password)).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                // A new session id at sign-in: one planted before it (session fixation) is worth nothing.
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                SignInGuard.rememberAtSignIn(request.getSession(), accounts.signInState(username));
                rememberDevice((HttpServletResponse) external.getResponse());
                external.redirect(external.getRequestContextPath() + "/admin/index.xhtml");
            }
            default -> {
                // A failed attempt leaves nothing in the session: Jakarta Security keeps a sign-in the
                // caller started there until one succeeds, and while it does every protected page
                // answers with an empty body instead of the sign-in form.
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                Messages.addGlobalError(
                        "Sign-in failed: wrong username or password, or the account is blocked or not an administrator.");
            }
        }
    }

    /** This browser signed in as this administrator: from now on the account's lockout spares it. */
    private void rememberDevice(HttpServletResponse response) {
        Cookie device = new Cookie(DeviceCookies.NAME, signIns.deviceCookie(username));
        device.setSecure(true);
        device.setHttpOnly(true);
        device.setPath("/");
        device.setMaxAge((int) signIns.deviceCookieLifetime().toSeconds());
        device.setAttribute("SameSite", "Strict");
        response.addCookie(device);
    }

    public void signOut() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
