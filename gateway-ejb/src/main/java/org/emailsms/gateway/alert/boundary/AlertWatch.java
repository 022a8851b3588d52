package org.emailsms.gateway.alert.boundary;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.alert.control.AlertConditions;
import org.emailsms.gateway.alert.control.AlertSettings;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.smsc.boundary.NodeBinds;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;

/**
 * Watches, every {@code gateway.alert.check-interval}, for the conditions the provider must hear of
 * (see {@link AlertConditions}): a carrier down, messages piling up, a carrier's receipts that stop
 * saying delivered, a mail outbox that does not drain. The node first by name among those alive
 * watches for all of them; {@link Alerts} raises and clears them, one email each way.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "BindKeeper"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertWatch {

    private static final Logger LOG = Logger.getLogger(AlertWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AlertSettings settings;

    @Inject
    InboundStatistics inbound;

    @EJB
    Alerts alerts;

    @EJB
    NodeBinds binds;

    @EJB
    OutboundBacklog outbound;

    @EJB
    MailBacklog mail;

    private AlertConditions conditions;

    @PostConstruct
    void arm() {
        conditions = new AlertConditions(settings.thresholds());
        long every = settings.checkInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("alert-watch", false));
    }

    @Timeout
    void check() {
        try {
            if (!binds.isFirstNode()) {
                return;
            }
            Instant now = Instant.now();
            Map<String, AlertConditions.Share> receipts = new TreeMap<>();
            inbound.receiptsInHourTo(now).forEach((carrier, tally) ->
                    receipts.put(carrier, new AlertConditions.Share(tally.delivered(), tally.total())));
            Map<String, String> holding = conditions.holding(new AlertConditions.Observation(now, binds.carriersBound(),
                    outbound.waiting(), outbound.oldestWaitingDue(), receipts, mail.oldestPendingSince()));
            for (Alerts.ActiveAlert active : alerts.active()) {
                if (!holding.containsKey(active.key())) {
                    alerts.clear(active.key(), now);
                }
            }
            holding.forEach((key, detail) -> alerts.raise(key, detail, now));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The alert check failed; the next one tries again", e);
        }
    }
}
