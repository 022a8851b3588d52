package org.emailsms.gateway.alert.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.boundary.AdministratorAccounts;
import org.emailsms.gateway.alert.control.AlertConditions;
import org.emailsms.gateway.alert.control.AlertLog;
import org.emailsms.gateway.mail.control.MailOutbox;

/**
 * The provider's alerts: raised and cleared each in a transaction of its own, with the email that
 * tells every provider administrator of it, and listed for the dashboard.
 */
@Stateless
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class.getName());

    /** An alert raised and not cleared. */
    public record ActiveAlert(String key, String title, Instant raisedAt, String detail) implements Serializable {
    }

    @Inject
    AlertLog log;

    @Inject
    MailOutbox outbox;

    @EJB
    AdministratorAccounts administrators;

    /** Every alert raised and not cleared, oldest first. */
    public List<ActiveAlert> active() {
        return log.active().stream().map(active -> new ActiveAlert(active.key(), AlertConditions.title(active.key()),
                active.raisedAt(), active.detail())).toList();
    }

    /** Raises it unless it is raised already; the administrators are told once. */
    public void raise(String key, String detail, Instant at) {
        if (log.raise(key, detail, at)) {
            tell("alert: " + AlertConditions.title(key), detail + "\n\nRaised at " + at + ". You will get one more "
                    + "email when it clears; the portal's home page lists the alerts raised.");
        }
    }

    /** Clears it if it is raised; the administrators are told once. */
    public void clear(String key, Instant at) {
        List<AlertLog.Active> raised = log.active().stream().filter(active -> active.key().equals(key)).toList();
        if (!raised.isEmpty() && log.clear(key, at)) {
            tell("cleared: " + AlertConditions.title(key), "Cleared at " + at + " (raised at " + raised.get(0).raisedAt()
                    + "): " + raised.get(0).detail());
        }
    }

    private void tell(String subject, String body) {
        LOG.warning(() -> "EmailSMS gateway " + subject + ": " + body);
        for (String address : administrators.providerAddresses()) {
            outbox.queue(address, "EmailSMS gateway " + subject, body);
        }
    }
}
