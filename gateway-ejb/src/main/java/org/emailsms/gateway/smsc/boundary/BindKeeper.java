package org.emailsms.gateway.smsc.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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

import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * Binds at start-up and after every dropped link, without waiting for an outbound message: replies
 * and delivery receipts reach the gateway only over a bound link. Each check first opens and closes
 * the carriers added or removed in the portal meanwhile (on any node). After each check it tells the
 * other nodes how this node's binds are ({@link NodeBinds}).
 */
@Singleton
@Startup
@DependsOn({"SmscSimulator", "SchemaMigration"})
public class BindKeeper {

    private static final Logger LOG = Logger.getLogger(BindKeeper.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SmppConnector connector;

    @EJB
    NodeBinds nodes;

    @EJB
    CarrierAdministration carriers;

    @Inject
    SmscSettings settings;

    @PostConstruct
    void arm() {
        long every = settings.bindCheckInterval().toMillis();
        timers.createIntervalTimer(0, every, new TimerConfig("smpp-bind-keeper", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void keepBound() {
        try {
            connector.refresh(carriers.added());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the carriers added in the portal; those known before stay", e);
        }
        connector.keepBound();
        try {
            nodes.publish();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not publish this node's binds; the next check will", e);
        }
    }

    @PreDestroy
    void withdraw() {
        try {
            nodes.withdraw();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not withdraw this node's binds; they will show as silent", e);
        }
    }
}
