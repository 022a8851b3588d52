package org.emailsms.gateway.mail.boundary;

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

import org.emailsms.gateway.mail.control.SmtpSettings;

/** Works through the outbox at a steady pace; the outbox is in the database, so restarts lose nothing. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    @Resource
    TimerService timers;

    @EJB
    MailSender sender;

    @Inject
    SmtpSettings smtp;

    @PostConstruct
    void arm() {
        long every = smtp.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("mail-outbox", false));
    }

    @Timeout
    // Each email is sent in a transaction of its own, so one bad address holds up no other.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dispatch() {
        for (Long id : sender.due()) {
            try {
                if (sender.claim(id)) {
                    sender.send(id);
                }
            } catch (RuntimeException e) {
                // One email the gateway cannot handle must not hold back the others behind it.
                LOG.log(Level.WARNING, "Mail " + id + " could not be handled; the others go on", e);
            }
        }
    }
}
