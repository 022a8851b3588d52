package org.emailsms.gateway.smsc.boundary;

import java.time.Duration;
import java.util.List;
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
import org.emailsms.gateway.smsc.control.BindSettings;
import org.emailsms.gateway.smsc.control.DeliveryPipeline;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.message.control.MessageLifecycle;
import org.emailsms.gateway.message.control.RetryPolicy;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * This node's delivery pipeline ({@link DeliveryPipeline}), started with the application: its
 * workers are the container's managed threads, one per place in the binds' windows. It takes what
 * this node accepts from memory, and claims the rest when prompted by the outbound queue's consumer
 * and by the due-message sweep, which also keeps this node's lease. Stopping gives back what it
 * holds and has not delivered, so another node (or this one after a restart) sends it at once.
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

    private DeliveryPipeline pipeline;
    /** Outcomes reported and not yet written: their claims must not be given back under them. */
    private final AtomicInteger unwritten = new AtomicInteger();

    @PostConstruct
    void start() {
        int workers = Math.min(MAX_WORKERS, smsc.binds().stream().mapToInt(BindSettings::window).map(w -> Math.max(1, w)).sum());
        pipeline = new DeliveryPipeline(new DeliveryPipeline.Store() {
            @Override
            public List<Delivery> claim(int max) {
                return deliveries.claim(max);
            }

            @Override
            public boolean holds(Delivery delivery) {
                return deliveries.holds(delivery);
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
        }, connector::submit, cipher, statistics, new MessageLifecycle(retries), retries.sweepInterval(), workers);
        pipeline.start(threads);
        deliveries.attach(new Deliveries.Pipeline() {
            @Override
            public int room() {
                return pipeline.room();
            }

            @Override
            public void take(List<Delivery> accepted) {
                pipeline.take(accepted);
            }
        });
        LOG.info(() -> "Delivery pipeline started as " + deliveries.claimant() + " with " + workers + " workers");
    }

    /** Keeps this node's lease: what it holds stays its own. */
    public void keepLease() {
        deliveries.beat();
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
        String claimant = deliveries.claimant();
        try {
            int released = deliveries.release();
            LOG.info(() -> "Delivery pipeline stopped; gave back " + released + " claimed messages ("
                    + unstarted.size() + " not started)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back the claims of " + claimant + "; its lease runs out within "
                    + retries.requeueAfter(), e);
        }
    }
}
