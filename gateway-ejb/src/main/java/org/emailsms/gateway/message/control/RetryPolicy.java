package org.emailsms.gateway.message.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A failed deposit is retried up to 10 times, 2 minutes apart (11 attempts in all), then ABORTed;
 * both configurable. A message that has not got out within {@code gateway.retry.max-age} (24 hours)
 * of being due is ABORTed too, so that a long outage does not release a storm of stale texts. When
 * the SMSC throttles, the message goes again after {@code gateway.retry.throttled-interval}
 * without using up an attempt. These are the rules of the message lifecycle; the SMPP connector
 * only reports what happened.
 */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    @ConfigProperty(name = "gateway.retry.max-retries", defaultValue = "10")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "gateway.retry.max-age", defaultValue = "PT24H")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "gateway.retry.throttled-interval", defaultValue = "PT5S")
    Duration throttledInterval;

    @Inject
    @ConfigProperty(name = "gateway.retry.interval", defaultValue = "PT2M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "gateway.retry.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    @Inject
    @ConfigProperty(name = "gateway.retry.requeue-after", defaultValue = "PT1M")
    Duration requeueAfter;

    /** The first attempt and every retry. */
    public int maxAttempts() {
        return maxRetries + 1;
    }

    /** How long after it was due a message may still go out. */
    public Duration maxAge() {
        return maxAge;
    }

    /** When a throttled message goes again. */
    public Duration throttledInterval() {
        return throttledInterval;
    }

    public Duration interval() {
        return interval;
    }

    /** Outside the container: tests. */
    public static RetryPolicy of(int maxRetries, Duration interval) {
        RetryPolicy policy = new RetryPolicy();
        policy.maxRetries = maxRetries;
        policy.interval = interval;
        policy.maxAge = Duration.ofHours(24);
        policy.throttledInterval = Duration.ofSeconds(5);
        return policy;
    }

    /** How often due retries and scheduled messages are looked for. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /**
     * A node's lease on the messages it holds: a node not heard from this long (it died) has them
     * taken over by any node, and a node that could not write its heartbeat for half of it starts no
     * attempt.
     */
    public Duration requeueAfter() {
        return requeueAfter;
    }
}
