package org.emailsms.gateway.smsc.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A failed deposit is retried up to 10 times, 2 minutes apart, then ABORTed; both configurable. */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    @ConfigProperty(name = "gateway.retry.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "gateway.retry.interval", defaultValue = "PT2M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "gateway.retry.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    @Inject
    @ConfigProperty(name = "gateway.retry.requeue-after", defaultValue = "PT1M")
    Duration requeueAfter;

    @Inject
    @ConfigProperty(name = "gateway.inbound.max-attempts", defaultValue = "13")
    int inboundMaxAttempts;

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration interval() {
        return interval;
    }

    /**
     * Attempts at a stored deliver_sm before it is given up (kept for the operators): 1 s, 2 s,
     * 4 s... apart, so the default 13 waits about 68 minutes for a receipt's acknowledgement.
     */
    public int inboundMaxAttempts() {
        return inboundMaxAttempts;
    }

    /** How often due retries, scheduled messages and waiting inbound PDUs are looked for. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /**
     * How long a queued message may stay {@code PENDING} before the sweep queues it again: the
     * queue is sent to after the database commit, so a node that dies in between leaves the
     * message to the sweep. A message queued twice is still submitted once (delivery locks it).
     * Stored inbound PDUs have the same deadline for their processing.
     */
    public Duration requeueAfter() {
        return requeueAfter;
    }
}
