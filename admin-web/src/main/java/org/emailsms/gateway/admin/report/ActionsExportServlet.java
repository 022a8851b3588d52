package org.emailsms.gateway.admin.report;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.emailsms.gateway.account.boundary.AdminActionFilter;
import org.emailsms.gateway.account.boundary.AdminActions;
import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.admin.platform.ErrorView;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * The audit trail of administrators' actions as CSV, with the actions page's filter ({@code company},
 * {@code actor}, {@code kind}, {@code from}, {@code to}); a company the caller may not see is a 404.
 */
@WebServlet("/admin/actions.csv")
public class ActionsExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AdminActions actions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String actor = request.getUserPrincipal().getName();
        AdminActionFilter filter;
        try {
            String company = request.getParameter("company");
            String kind = request.getParameter("kind");
            filter = new AdminActionFilter(company == null || company.isBlank() ? null : Long.valueOf(company.strip()),
                    request.getParameter("actor"), kind == null || kind.isBlank() ? null : AdminActionKind.valueOf(kind.strip()),
                    day(request, "from"), day(request, "to"));
            // Checked before any byte of the file is sent.
            actions.requireVisible(actor, filter.companyId());
        } catch (NumberFormatException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "The company is an id: a whole number.");
            return;
        } catch (DateTimeParseException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "From and To are days written as 2026-12-31.");
            return;
        } catch (IllegalArgumentException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    e.getMessage().startsWith("'From'") ? e.getMessage() : "No such kind of action.");
            return;
        } catch (UnknownAccountException | NotAuthorizedException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "No such company.");
            return;
        }
        Writer out = ErrorView.csv(response, "administrators-actions.csv");
        try {
            actions.export(actor, filter, out);
        } catch (UnknownAccountException | NotAuthorizedException e) {
            throw new IllegalStateException("the caller was checked a moment ago", e);
        }
        out.flush();
    }

    private static LocalDate day(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
