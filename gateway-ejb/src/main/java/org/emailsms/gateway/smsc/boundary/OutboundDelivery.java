package org.emailsms.gateway.smsc.boundary;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.emailsms.gateway.message.boundary.Deliveries;
import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.NodeName;
import org.emailsms.gateway.smsc.control.BindSettings;
import org.emailsms.gateway.smsc.control.DeliveryPipeline;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.message.control.RetryPolicy;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * This node's delivery pipeline ({@link DeliveryPipeline}), started with the application: its
 * workers are the container's managed threads, one per place in the binds' windows. Prompted by the
 * outbound queue's consumer after each accepted request and by the due-message sweep; stopping
 * gives back the claims of messages it had not started, so another node (or this one after a
 * restart) sends them at once.
 */
@Singleton
@Startup
// Stopped before what it reports to and submits through, so that it can still record and give back its claims.
@DependsOn({"SchemaMigration", "SmppConnector", "Deliveries"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundDelivery {

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class.getName());
    private static final int MAX_WORKERS = 400;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    SmppConnector connector;

    @EJB
    Deliveries deliveries;

    @Inject
    ContentCipher cipher;

    @Inject
    RetryPolicy retries;

    @Inject
    DeliveryStatistics statistics;

    @Inject
    SmscSettings smsc;

    @Inject
    NodeName node;

    /**
     * This node in this run (its name and a random suffix): a claim names it, so a restarted node
     * does not mistake old claims for its own, and an operator sees which node holds a message.
     */
    private String claimant;
    private DeliveryPipeline pipeline;
    /** Outcomes reported and not yet written: their claims must not be given back under them. */
    private final AtomicInteger unwritten = new AtomicInteger();

    @PostConstruct
    void start() {
        claimant = node.get() + "/" + UUID.randomUUID().toString().substring(0, 8);
        int workers = Math.min(MAX_WORKERS, smsc.binds().stream().mapToInt(BindSettings::window).map(w -> Math.max(1, w)).sum());
        Duration lease = retries.requeueAfter();
        pipeline = new DeliveryPipeline(new DeliveryPipeline.Store() {
            @Override
            public List<Delivery> claim(int max) {
                return deliveries.claim(claimant, max, lease);
            }

            @Override
            public void report(DeliveryOutcome outcome) {
                unwritten.incrementAndGet();
                deliveries.report(outcome).whenComplete((status, failed) -> {
                    unwritten.decrementAndGet();
                    if (status == MessageStatus.ABORT) {
                        statistics.aborted();
                    }
                });
            }
        }, connector::submit, cipher, statistics, retries.maxAge(), lease, retries.sweepInterval(), workers);
        pipeline.start(threads);
        LOG.info(() -> "Delivery pipeline started as " + claimant + " with " + workers + " workers");
    }

    /** Something was accepted or has come due. */
    public void prompt() {
        pipeline.prompt();
    }

    @PreDestroy
    void stop() {
        List<Delivery> unstarted = pipeline.stop(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (unwritten.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        try {
            int released = deliveries.release(claimant);
            LOG.info(() -> "Delivery pipeline stopped; gave back " + released + " claimed messages ("
                    + unstarted.size() + " not started)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back the claims of " + claimant + "; they run out within "
                    + retries.requeueAfter(), e);
        }
    }
}
