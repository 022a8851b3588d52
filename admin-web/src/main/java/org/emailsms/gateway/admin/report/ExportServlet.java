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

import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.admin.platform.ErrorView;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.report.boundary.ReportService;
import org.emailsms.gateway.report.boundary.TransactionFilter;

/**
 * The transaction report as CSV, streamed a page at a time (under {@code /admin}, so signed-in
 * administrators only). Its parameters are the report page's filter; a company the caller may not
 * see is a 404, like any other unknown id.
 */
@WebServlet("/admin/export.csv")
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReportService reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionFilter filter;
        try {
            filter = new TransactionFilter(number(request, "company"), number(request, "user"),
                    number(request, "department"), request.getParameter("destination"), request.getParameter("status"),
                    request.getParameter("source"), day(request, "from"), day(request, "to"));
            // Counting first checks the caller and the company before any byte of the file is sent.
            reports.countTransactions(request.getUserPrincipal().getName(), filter);
        } catch (NumberFormatException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "The company, user and department of the report are ids: whole numbers, as the report page writes them.");
            return;
        } catch (DateTimeParseException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "From and To are days written as 2026-12-31.");
            return;
        } catch (IllegalArgumentException e) {
            // The filter's own rules (From after To, an unknown status or source), already in people's words.
            ErrorView.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (UnknownAccountException | NotAuthorizedException e) {
            ErrorView.refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "No such company.");
            return;
        }
        Writer out = ErrorView.csv(response, "transactions.csv");
        try {
            reports.exportTransactions(request.getUserPrincipal().getName(), filter, out);
        } catch (UnknownAccountException | NotAuthorizedException e) {
            throw new IllegalStateException("the caller was checked a moment ago", e);
        }
        out.flush();
    }


    private static Long number(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    }

    private static LocalDate day(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
