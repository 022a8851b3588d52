package org.emailsms.gateway.admin.account;

import java.io.IOException;
import java.io.Writer;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.boundary.UserImports;
import org.emailsms.gateway.admin.platform.ErrorView;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * The refused rows of a bulk upload as CSV: the upload's columns, the line and the reason (under
 * {@code /admin}, so signed-in administrators only; an upload of another company is a 404).
 */
@WebServlet("/admin/refused-users.csv")
public class RefusedUsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient UserImports imports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String actor = request.getUserPrincipal().getName();
        long upload;
        try {
            upload = Long.parseLong(String.valueOf(request.getParameter("upload")).strip());
            // Checked before any byte is sent, so that a refusal is a whole error page.
            imports.refused(actor, upload);
        } catch (NumberFormatException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "The upload is a number, as the users page writes it.");
            return;
        } catch (UnknownAccountException | NotAuthorizedException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "No such upload.");
            return;
        }
        Writer out = ErrorView.csv(response, "refused-users-" + upload + ".csv");
        try {
            imports.exportRefused(actor, upload, out);
        } catch (UnknownAccountException | NotAuthorizedException e) {
            throw new IllegalStateException("the caller was checked a moment ago", e);
        }
        out.flush();
    }
}
