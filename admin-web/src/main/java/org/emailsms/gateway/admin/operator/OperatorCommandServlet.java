package org.emailsms.gateway.admin.operator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.emailsms.gateway.account.boundary.MachineOperator;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;

/**
 * {@code POST /operator/unlock} and {@code /operator/reset-password} with {@code user=NAME}: the
 * commands of {@code bin/gateway admin}. Only from this machine (a loopback address) and only with
 * the operator token, which the gateway writes to {@code operator.token} in its data directory
 * (readable by the gateway's account only): whoever can read that file runs the gateway anyway.
 * Loaded at start, so that the token file exists before the first command.
 */
@WebServlet(urlPatterns = "/operator/*", loadOnStartup = 1)
public class OperatorCommandServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OperatorCommandServlet.class.getName());

    @EJB
    transient MachineOperator operator;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String client = HttpHardeningFilter.clientAddress(request);
        if (!isLoopback(client) || !hasToken(request)) {
            LOG.warning(() -> "An operator command was refused from " + client + ": not from this machine with its token");
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Refused: only from this machine, with the operator token.");
            return;
        }
        String user = request.getParameter("user");
        try {
            switch (request.getPathInfo() == null ? "" : request.getPathInfo()) {
                case "/unlock" -> {
                    operator.unlock(user);
                    answer(response, HttpServletResponse.SC_OK, "Unlocked '" + user + "'.");
                }
                case "/reset-password" -> answer(response, HttpServletResponse.SC_OK, "New password for '" + user
                        + "': " + operator.resetPassword(user) + "\nIt works once, for choosing a password of their own.");
                default -> answer(response, HttpServletResponse.SC_NOT_FOUND, "Commands: unlock, reset-password.");
            }
        } catch (GatewayException refused) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, refused.getMessage());
        }
    }

    private boolean hasToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") && operator.acceptsToken(header.substring(7));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && (address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))
                    && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
