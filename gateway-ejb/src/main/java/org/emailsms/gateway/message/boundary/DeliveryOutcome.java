package org.emailsms.gateway.message.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What one delivery attempt came to, as the SMPP connector reports it to the message component,
 * which alone writes the message's state: the parts the SMSC acknowledged (kept even when a later
 * part failed, so they are never submitted twice) and, unless every part went, why the rest did not.
 */
public record DeliveryOutcome(Delivery delivery, List<Acknowledged> acknowledged, Failure failure) {

    /**
     * The SMSC of {@code carrier} took a part under {@code smscId}; {@code idKey} is the id's
     * canonical form for receipts ({@link SmscMessageIds#key(String, String)}).
     */
    public record Acknowledged(long partId, String carrier, String smscId, String idKey, Instant at) {
    }

    public enum Kind {
        /** May pass: retried after the retry interval while attempts are left, then given up. */
        TEMPORARY,
        /** The SMSC asked to slow down: goes again soon, and the attempt does not count. */
        THROTTLED,
        /** No later attempt can do better: given up now. */
        PERMANENT
    }

    public record Failure(String reason, Kind kind) {
    }

    public static DeliveryOutcome submitted(Delivery delivery, List<Acknowledged> acknowledged) {
        return new DeliveryOutcome(delivery, List.copyOf(acknowledged), null);
    }

    public static DeliveryOutcome failed(Delivery delivery, List<Acknowledged> acknowledged, String reason, Kind kind) {
        return new DeliveryOutcome(delivery, List.copyOf(acknowledged), new Failure(reason, kind));
    }

    public boolean isSubmitted() {
        return failure == null;
    }
}
