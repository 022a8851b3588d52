package org.emailsms.gateway.message.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.message.control.SendRequests;

/**
 * Forgets, every 10 minutes, the answers to sends with a request id once they are two days old
 * (clients are promised at least 24 hours), a few thousand per transaction. On several nodes each
 * does it; deleting what is already gone is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SendRequestSweep {

    private static final Logger LOG = Logger.getLogger(SendRequestSweep.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(10);
    static final Duration KEPT = Duration.ofDays(2);
    private static final int BATCH = 5_000;

    @Resource
    TimerService timers;

    @Inject
    SendRequests requests;

    @PostConstruct
    void arm() {
        timers.createIntervalTimer(EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("send-request-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Instant before = Instant.now().minus(KEPT);
        int forgotten = 0;
        for (int batch = requests.forget(before, BATCH); batch > 0; batch = requests.forget(before, BATCH)) {
            forgotten += batch;
        }
        int total = forgotten;
        if (total > 0) {
            LOG.fine(() -> total + " answers to sends with a request id forgotten");
        }
    }
}
