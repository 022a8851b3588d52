package org.emailsms.gateway.admin.security;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;
import org.emailsms.gateway.account.boundary.AdministratorAccounts.SignInState;

/**
 * On every portal page of a signed-in administrator: a session signed in before the password last
 * changed (here or in another session) is ended, as is one whose administrator was disabled or
 * deleted; an administrator whose password someone else chose sees only the page to change it.
 */
public class SignInGuard implements Filter {

    private static final String PASSWORD_STAMP = SignInGuard.class.getName() + ".passwordChangedAt";
    private static final String NEVER = "never";
    static final String PASSWORD_PAGE = "/admin/password.xhtml";

    @EJB
    AdministratorAccounts accounts;

    /** What the session knows of the password it signed in with (at sign-in, and after a change). */
    static void remember(HttpSession session, OffsetDateTime passwordChangedAt) {
        session.setAttribute(PASSWORD_STAMP, stamp(passwordChangedAt));
    }

    static void rememberAtSignIn(HttpSession session, Optional<SignInState> state) {
        state.ifPresent(s -> remember(session, s.passwordChangedAt()));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        HttpSession session = http.getSession(false);
        if (http.getUserPrincipal() == null || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignInState> state = accounts.signInState(http.getUserPrincipal().getName());
        Object known = session.getAttribute(PASSWORD_STAMP);
        if (state.isEmpty() || known != null && !known.equals(stamp(state.get().passwordChangedAt()))) {
            http.logout();
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // Signing out ended it already.
            }
            redirect(http, answer, "/login.xhtml");
            return;
        }
        if (known == null) {
            remember(session, state.get().passwordChangedAt());
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (state.get().mustChangePassword() && !path.equals(PASSWORD_PAGE)) {
            redirect(http, answer, PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A page request is redirected; an AJAX request of a page is told to go there, as JSF expects. */
    private static void redirect(HttpServletRequest http, HttpServletResponse answer, String path) throws IOException {
        String url = http.getContextPath() + path;
        if ("partial/ajax".equals(http.getHeader("Faces-Request"))) {
            answer.setContentType("text/xml;charset=UTF-8");
            answer.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url + "\"/></partial-response>");
            return;
        }
        answer.sendRedirect(url);
    }

    /** To the millisecond: the database may keep fewer digits than the clock gave at the change. */
    private static String stamp(OffsetDateTime passwordChangedAt) {
        return Objects.toString(passwordChangedAt == null ? null
                : passwordChangedAt.toInstant().truncatedTo(ChronoUnit.MILLIS), NEVER);
    }
}
