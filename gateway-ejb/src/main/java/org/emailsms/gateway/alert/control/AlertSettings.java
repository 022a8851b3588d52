package org.emailsms.gateway.alert.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When the provider is alerted (all MicroProfile Config, see the README). */
@ApplicationScoped
public class AlertSettings {

    @Inject
    @ConfigProperty(name = "gateway.alert.check-interval", defaultValue = "PT15S")
    Duration checkInterval;

    @Inject
    @ConfigProperty(name = "gateway.alert.bind-down-after", defaultValue = "PT2M")
    Duration bindDownAfter;

    @Inject
    @ConfigProperty(name = "gateway.alert.backlog", defaultValue = "10000")
    long backlog;

    @Inject
    @ConfigProperty(name = "gateway.alert.oldest-waiting", defaultValue = "PT30M")
    Duration oldestWaiting;

    @Inject
    @ConfigProperty(name = "gateway.alert.delivered-share", defaultValue = "0.5")
    double deliveredShare;

    @Inject
    @ConfigProperty(name = "gateway.alert.delivered-share-minimum", defaultValue = "20")
    long deliveredShareMinimum;

    @Inject
    @ConfigProperty(name = "gateway.alert.mail-stalled-after", defaultValue = "PT10M")
    Duration mailStalledAfter;

    public Duration checkInterval() {
        return checkInterval;
    }

    public AlertConditions.Thresholds thresholds() {
        return new AlertConditions.Thresholds(bindDownAfter, backlog, oldestWaiting, deliveredShare,
                deliveredShareMinimum, mailStalledAfter);
    }
}
