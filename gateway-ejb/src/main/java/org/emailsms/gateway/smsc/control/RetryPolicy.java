package org.emailsms.gateway.smsc.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seed 4.1: up to 10 attempts, 2 minutes apart, then ABORT; both configurable. */
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

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration interval() {
        return interval;
    }

    /** How often due retries and scheduled messages are looked for. */
    public Duration sweepInterval() {
        return sweepInterval;
    }
}
