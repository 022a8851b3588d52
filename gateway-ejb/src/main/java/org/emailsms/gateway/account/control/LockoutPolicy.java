package org.emailsms.gateway.account.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seed's brute-force rule, configurable: more than {@code threshold} failures within
 * {@code window} block the account for {@code duration}.
 */
@ApplicationScoped
public class LockoutPolicy {

    @Inject
    @ConfigProperty(name = "gateway.lockout.threshold", defaultValue = "10")
    int threshold;

    @Inject
    @ConfigProperty(name = "gateway.lockout.window", defaultValue = "PT1H")
    Duration window;

    @Inject
    @ConfigProperty(name = "gateway.lockout.duration", defaultValue = "PT1H")
    Duration duration;

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }

    public Duration duration() {
        return duration;
    }
}
