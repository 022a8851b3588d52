package org.emailsms.gateway.message.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.boundary.DeliveryOutcome.Kind;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessageStatus;

/**
 * What a delivery attempt makes of a message, by the retry rules: every part acknowledged makes it
 * {@code OK}; a temporary failure {@code FAIL}, to go again after the retry interval, until the
 * last of its attempts (a failed deposit is retried up to 10 times, 2 minutes apart), which makes it
 * {@code ABORT}; a throttled attempt {@code FAIL}, to go again soon, and does not count; a
 * permanent failure {@code ABORT} at once; a message not out within the maximum age of being due
 * is not attempted again but {@code ABORT}ed, so that a long outage does not release a storm of
 * stale texts. Once the network has reported on every part, its receipts decide: an undelivered
 * part makes the message {@code UNDELIVERED}, else an expired one {@code EXPIRED}, else it is
 * {@code DELIVERED}. The one place that decides these; the delivery pipeline, the delivery records
 * written to the database, the receipts and the statuses answered before they are written all ask it.
 */
public final class MessageLifecycle {

    private final RetryPolicy retries;

    public MessageLifecycle(RetryPolicy retries) {
        this.retries = retries;
    }

    /** The attempts the message has made once this one counts (a throttled one does not). */
    public int attemptsAfter(DeliveryOutcome outcome) {
        boolean throttled = outcome.failure() != null && outcome.failure().kind() == Kind.THROTTLED;
        return outcome.delivery().attempts() + (throttled ? 0 : 1);
    }

    public MessageStatus statusAfter(DeliveryOutcome outcome) {
        if (outcome.isSubmitted()) {
            return MessageStatus.OK;
        }
        return switch (outcome.failure().kind()) {
            case THROTTLED -> MessageStatus.FAIL;
            case PERMANENT -> MessageStatus.ABORT;
            case TEMPORARY -> attemptsAfter(outcome) >= retries.maxAttempts() ? MessageStatus.ABORT : MessageStatus.FAIL;
        };
    }

    /**
     * Why a message due at {@code delivery.due()} is not to be attempted at {@code now}: it has not
     * got out within the maximum age. Empty when it may go.
     */
    public Optional<String> tooLate(Delivery delivery, Instant now) {
        if (!delivery.due().plus(retries.maxAge()).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of("Not sent within " + retries.maxAge().toHours()
                + " hours of being due: given up so that a stale text does not reach the handset late.");
    }

    /** When a message that failed goes again. */
    public Instant nextAttempt(DeliveryOutcome outcome, Instant now) {
        return now.plus(outcome.failure().kind() == Kind.THROTTLED ? retries.throttledInterval() : retries.interval());
    }

    /** Why a message was given up, as its sender reads it. */
    public String abortReason(DeliveryOutcome outcome) {
        return outcome.failure().kind() == Kind.PERMANENT ? outcome.failure().reason()
                : "Gave up after " + attemptsAfter(outcome) + " attempts; last: " + outcome.failure().reason();
    }

    /**
     * The status the network's reports give a message, given each part's reported state (null for a
     * part not reported yet): none while a part is unreported.
     */
    public static Optional<MessageStatus> statusAfterReceipts(Collection<DeliveryState> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        if (parts.contains(DeliveryState.UNDELIVERED)) {
            return Optional.of(MessageStatus.UNDELIVERED);
        }
        return Optional.of(parts.contains(DeliveryState.EXPIRED) ? MessageStatus.EXPIRED : MessageStatus.DELIVERED);
    }

    /** Whether a message's status is final: the network has reported on all of it. */
    public static boolean isReported(MessageStatus status) {
        return status == MessageStatus.DELIVERED || status == MessageStatus.UNDELIVERED || status == MessageStatus.EXPIRED;
    }
}
