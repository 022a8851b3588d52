package org.emailsms.gateway.admin.security;

import java.io.IOException;
import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;
import org.omnifaces.util.Messages;

/**
 * An administrator changes their own password: the current one, the new one twice. Other sessions
 * of the same administrator end at their next request ({@link SignInGuard}); this one goes on. Their
 * add-ins are signed out too unless "Keep my add-ins signed in" is ticked.
 */
@Named
@ViewScoped
public class PasswordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AdministratorAccounts accounts;

    @Inject
    private Caller caller;

    private String current;
    private String fresh;
    private String repeated;
    private boolean keepAddIns;

    public void change() throws IOException {
        if (fresh == null || !fresh.equals(repeated)) {
            Messages.addGlobalError("The new password and its repetition differ.");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            SignInGuard.remember(request.getSession(),
                    accounts.changeOwnPassword(caller.getName(), current, fresh, keepAddIns,
                            HttpHardeningFilter.clientAddress(request)));
        } catch (GatewayException refused) {
            Messages.addGlobalError(refused.getMessage());
            return;
        }
        Messages.addFlashGlobalInfo("Your password was changed. Your other sessions are signed out.");
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/admin/index.xhtml");
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getFresh() {
        return fresh;
    }

    public void setFresh(String fresh) {
        this.fresh = fresh;
    }

    public boolean isKeepAddIns() {
        return keepAddIns;
    }

    public void setKeepAddIns(boolean keepAddIns) {
        this.keepAddIns = keepAddIns;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
