package org.emailsms.gateway.smsc.boundary;

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

import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * Binds at start-up and after every dropped link, without waiting for an outbound message: replies
 * and delivery receipts reach the gateway only over a bound link.
 */
@Singleton
@Startup
@DependsOn("SmscSimulator")
public class BindKeeper {

    @Resource
    TimerService timers;

    @EJB
    SmppConnector connector;

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
        connector.keepBound();
    }
}
