package org.emailsms.gateway.inbound.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the receipts and replies stored from the SMSC are processed: a stored PDU whose processing
 * failed is tried again 1 s, 2 s, 4 s... later, up to {@code gateway.inbound.max-attempts} (13: about
 * 68 minutes, long enough for a receipt that overtook its submit's acknowledgement), then kept for
 * the operators; a node must process a PDU it took within {@code gateway.retry.requeue-after}, and
 * the sweep looks for due ones every {@code gateway.retry.sweep-interval}, as for messages.
 */
@ApplicationScoped
public class InboundRetries {

    @Inject
    @ConfigProperty(name = "gateway.inbound.max-attempts", defaultValue = "13")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "gateway.retry.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    @Inject
    @ConfigProperty(name = "gateway.retry.requeue-after", defaultValue = "PT1M")
    Duration processWithin;

    /** Outside the container: tests. */
    public static InboundRetries of(int maxAttempts, Duration processWithin) {
        InboundRetries retries = new InboundRetries();
        retries.maxAttempts = maxAttempts;
        retries.sweepInterval = Duration.ofSeconds(5);
        retries.processWithin = processWithin;
        return retries;
    }

    /** Attempts at a stored deliver_sm before it is given up (kept for the operators). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How often waiting PDUs are looked for. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** How long a node may take to process a PDU it took before any node takes it over. */
    public Duration processWithin() {
        return processWithin;
    }
}
