package org.emailsms.gateway.account.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.entity.Company;

/**
 * The brute-force rule, configurable: more than {@code threshold} failures within {@code window}
 * block the account for {@code duration}. A company's own login criteria may only be stricter.
 * Separately, more than {@code client-threshold} failed sign-ins from one client address within
 * {@code client-window}, whatever the usernames, refuse that address until the window ends.
 */
@ApplicationScoped
public class LockoutPolicy {

    /** How many failures are tolerated in a window, and how long a block lasts. */
    public record Limit(int threshold, Duration window, Duration block) {
    }

    @Inject
    @ConfigProperty(name = "gateway.lockout.threshold", defaultValue = "10")
    int threshold;

    @Inject
    @ConfigProperty(name = "gateway.lockout.window", defaultValue = "PT1H")
    Duration window;

    @Inject
    @ConfigProperty(name = "gateway.lockout.duration", defaultValue = "PT1H")
    Duration duration;

    @Inject
    @ConfigProperty(name = "gateway.lockout.client-threshold", defaultValue = "200")
    int clientThreshold;

    @Inject
    @ConfigProperty(name = "gateway.lockout.client-window", defaultValue = "PT1H")
    Duration clientWindow;

    /** A policy outside the container (the client limit at its default): for tests and tools. */
    public static LockoutPolicy of(int threshold, Duration window, Duration duration) {
        LockoutPolicy policy = new LockoutPolicy();
        policy.threshold = threshold;
        policy.window = window;
        policy.duration = duration;
        policy.clientThreshold = 200;
        policy.clientWindow = Duration.ofHours(1);
        return policy;
    }

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }

    public Duration duration() {
        return duration;
    }

    /** The gateway-wide limit: for provider administrators and for usernames nobody has. */
    public Limit limit() {
        return new Limit(threshold, window, duration);
    }

    /** The company's own criteria where it has them (they are never looser), else the gateway's. */
    public Limit limitFor(Company company) {
        if (company == null) {
            return limit();
        }
        int companyThreshold = company.getLockoutThreshold() != null ? company.getLockoutThreshold() : threshold;
        Duration block = company.getLockoutMinutes() != null ? Duration.ofMinutes(company.getLockoutMinutes()) : duration;
        return new Limit(Math.min(companyThreshold, threshold), window, block.compareTo(duration) < 0 ? duration : block);
    }

    /** Failed sign-ins from one client address across all usernames; blocked until the window ends. */
    public Limit clientLimit() {
        return new Limit(clientThreshold, clientWindow, clientWindow);
    }
}
