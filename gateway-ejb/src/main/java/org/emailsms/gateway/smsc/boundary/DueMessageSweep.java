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

import org.emailsms.gateway.message.control.RetryPolicy;

/**
 * Every sweep interval keeps this node's delivery lease (its heartbeat) and prompts its pipeline,
 * so that what no queue prompt announces is still claimed: failed messages whose retry time has
 * come, scheduled ones whose send time has, pending ones whose prompt was lost, and the messages of
 * a node that died once its lease has run out. The state lives in the database; the timer need not
 * survive anything, and on several nodes each claims its share.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "OutboundDelivery"})
public class DueMessageSweep {

    @Resource
    TimerService timers;

    @EJB
    OutboundDelivery delivery;

    @Inject
    RetryPolicy retries;

    @PostConstruct
    void arm() {
        // At least four heartbeats a lease: a node starts no attempt once half of it has passed without one.
        long every = Math.min(retries.sweepInterval().toMillis(), retries.requeueAfter().dividedBy(4).toMillis());
        timers.createIntervalTimer(every, every, new TimerConfig("due-message-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void promptDelivery() {
        delivery.keepLease();
        delivery.prompt();
    }
}
