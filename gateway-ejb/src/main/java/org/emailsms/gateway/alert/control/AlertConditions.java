package org.emailsms.gateway.alert.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which alerts hold, given what the gateway looks like now: a carrier with no bound bind on any node
 * for {@code bindDownAfter}; more messages waiting for the carriers than {@code backlog}, or the
 * oldest of them due longer than {@code oldestWaiting} ago; a carrier whose receipts of the last hour
 * say delivered for less than {@code deliveredShare} of them (once there are at least
 * {@code deliveredShareMinimum}); an email in the outbox for longer than {@code mailStalledAfter}.
 * Remembers since when each carrier has been down, so it is kept across checks.
 */
public final class AlertConditions {

    /** What a check saw. {@code carriersBound}: for each carrier, whether any node has a bind of it up. */
    public record Observation(Instant at, Map<String, Boolean> carriersBound, long waiting,
                              Optional<Instant> oldestWaitingDue, Map<String, Share> receiptsLastHour,
                              Optional<Instant> oldestPendingMail) {
    }

    /** Receipts of one carrier: how many said delivered, of how many final ones. */
    public record Share(long delivered, long total) {

        double ratio() {
            return total == 0 ? 1 : (double) delivered / total;
        }
    }

    public record Thresholds(Duration bindDownAfter, long backlog, Duration oldestWaiting, double deliveredShare,
                             long deliveredShareMinimum, Duration mailStalledAfter) {
    }

    public static final String CARRIER_DOWN = "carrier-down:";
    public static final String BACKLOG = "backlog";
    public static final String DELIVERED_SHARE = "delivered-share:";
    public static final String MAIL_OUTBOX = "mail-outbox";

    private final Thresholds thresholds;
    private final Map<String, Instant> downSince = new HashMap<>();

    public AlertConditions(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Every alert that holds now, by key, with what to tell the administrators. */
    public Map<String, String> holding(Observation now) {
        Map<String, String> alerts = new LinkedHashMap<>();
        downSince.keySet().retainAll(now.carriersBound().keySet());
        now.carriersBound().forEach((carrier, bound) -> {
            if (bound) {
                downSince.remove(carrier);
                return;
            }
            Instant since = downSince.computeIfAbsent(carrier, c -> now.at());
            if (!since.plus(thresholds.bindDownAfter()).isAfter(now.at())) {
                alerts.put(CARRIER_DOWN + carrier, "Carrier " + carrier + " has had no bound SMPP bind on any node since "
                        + since + ": its messages go to the next carrier of their routes, or wait.");
            }
        });
        Optional<Duration> oldest = now.oldestWaitingDue().map(due -> Duration.between(due, now.at()));
        if (now.waiting() > thresholds.backlog()
                || oldest.filter(age -> age.compareTo(thresholds.oldestWaiting()) > 0).isPresent()) {
            alerts.put(BACKLOG, now.waiting() + " messages are waiting for the carriers"
                    + oldest.map(age -> ", the oldest due " + age.toMinutes() + " minutes ago").orElse("")
                    + " (alert above " + thresholds.backlog() + " messages or " + thresholds.oldestWaiting().toMinutes()
                    + " minutes).");
        }
        now.receiptsLastHour().forEach((carrier, share) -> {
            if (share.total() >= thresholds.deliveredShareMinimum() && share.ratio() < thresholds.deliveredShare()) {
                alerts.put(DELIVERED_SHARE + carrier, String.format("Of the last hour's %d receipts from carrier %s, "
                        + "%d (%.0f%%) say delivered; the alert is below %.0f%%.", share.total(), carrier,
                        share.delivered(), 100 * share.ratio(), 100 * thresholds.deliveredShare()));
            }
        });
        now.oldestPendingMail().map(queued -> Duration.between(queued, now.at()))
                .filter(age -> age.compareTo(thresholds.mailStalledAfter()) > 0)
                .ifPresent(age -> alerts.put(MAIL_OUTBOX, "The mail outbox is not draining: its oldest email has "
                        + "waited " + age.toMinutes() + " minutes (confirmations, replies and this alert wait with it)."));
        return alerts;
    }

    /** The line an email's subject and the dashboard give an alert. */
    public static String title(String key) {
        if (key.startsWith(CARRIER_DOWN)) {
            return "carrier " + key.substring(CARRIER_DOWN.length()) + " is down";
        }
        if (key.startsWith(DELIVERED_SHARE)) {
            return "few receipts from carrier " + key.substring(DELIVERED_SHARE.length()) + " say delivered";
        }
        return switch (key) {
            case BACKLOG -> "messages are piling up for the carriers";
            case MAIL_OUTBOX -> "the mail outbox is not draining";
            default -> key;
        };
    }
}
