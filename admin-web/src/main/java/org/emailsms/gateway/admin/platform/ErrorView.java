package org.emailsms.gateway.admin.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * What the portal's error page says: a heading and an explanation for the HTTP status the
 * container is answering with, in the administrator's words, never a framework's message or a
 * stack trace. A portal servlet that refuses a request for a reason people can act on puts that
 * reason in the {@link #REASON} request attribute before {@code sendError}.
 */
@Named
@RequestScoped
public class ErrorView {

    /** Request attribute: why the portal refused the request, in words for administrators. */
    public static final String REASON = "org.emailsms.gateway.admin.error.reason";

    /** From a servlet of the portal's: starts a CSV download named {@code fileName}; the caller flushes the writer. */
    public static java.io.Writer csv(jakarta.servlet.http.HttpServletResponse response, String fileName)
            throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** From a servlet of the portal's: answers {@code status} with the portal's error page, saying why. */
    public static void refuse(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, int status, String reason) throws java.io.IOException {
        request.setAttribute(REASON, reason);
        response.sendError(status, reason);
    }

    public int getStatus() {
        Object status = attribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }

    public String getHeading() {
        return switch (getStatus()) {
            case 400 -> "The request could not be understood";
            case 403 -> "This page is not for your role";
            case 404 -> "No such page";
            default -> "Something went wrong";
        };
    }

    public String getExplanation() {
        return switch (getStatus()) {
            case 400 -> "Nothing was changed. Check the address or the form and try again.";
            case 403 -> "Your administrator account may not open it; nothing was changed. "
                    + "The menu shows the pages that are yours.";
            case 404 -> "There is no page at this address in the portal. It may come from an old bookmark.";
            default -> "The request could not be completed; nothing was changed by it. The details are in the server log.";
        };
    }

    /** The portal's own reason for refusing the request, if it gave one. */
    public String getReason() {
        Object reason = attribute(REASON);
        return reason instanceof String text ? text : null;
    }

    /** Where the expired page was posted to, to open it afresh; the home page if unknown. */
    public String getExpiredPage() {
        Object uri = attribute(RequestDispatcher.ERROR_REQUEST_URI);
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return uri instanceof String path && path.startsWith(context + "/admin/") && path.endsWith(".xhtml")
                ? path : context + "/admin/index.xhtml";
    }

    private static Object attribute(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(name);
    }
}
