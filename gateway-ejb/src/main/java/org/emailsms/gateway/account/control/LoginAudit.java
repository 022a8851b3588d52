package org.emailsms.gateway.account.control;

import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.LoginOutcome;
import org.emailsms.gateway.platform.control.LogSafe;

/** Keeps every login attempt (time, username, client IP, outcome): every attempt, successful or not, with the address it came from. */
@Dependent
public class LoginAudit {

    private static final Logger LOG = Logger.getLogger(LoginAudit.class.getName());
    private static final int MAX_USERNAME = 120;
    private static final int MAX_IP = 64;

    @PersistenceContext
    EntityManager em;

    public void record(String username, String clientIp, LoginChannel channel, LoginOutcome outcome) {
        String name = truncate(username == null ? "" : username, MAX_USERNAME);
        String ip = clientIp == null ? null : truncate(clientIp, MAX_IP);
        em.persist(new LoginAttempt(name, ip, channel, outcome));
        LOG.info(() -> String.format("Login %s for '%s' from %s via %s", outcome, LogSafe.text(name), LogSafe.text(ip),
                channel));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
