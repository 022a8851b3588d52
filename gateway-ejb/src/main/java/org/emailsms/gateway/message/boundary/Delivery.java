package org.emailsms.gateway.message.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A message claimed for one delivery attempt, with what the attempt needs and nothing else: the
 * text still encrypted, the parts the SMSC has not acknowledged yet. {@code claimant} (a node in one
 * run) holds it while that node's lease lasts; once the lease has lapsed any node may take it over,
 * so an attempt must not start then. {@code priority} 0 is interactive (to a few recipients),
 * submitted ahead of bulk (1). {@code route} names the carriers to try, in order, as chosen when the
 * message was accepted; empty for the default carrier alone.
 */
public record Delivery(long messageId, String claimant, int priority, String destination,
                       String senderNumber, byte[] content, int dataCoding, int segments, boolean separateParts,
                       boolean receiptWanted, int attempts, Instant due, List<String> route, List<Part> parts) {

    public Delivery {
        route = List.copyOf(route);
        parts = List.copyOf(parts);
    }

    /** A part still to submit: its row and its place in the message (from 1). */
    public record Part(long id, int number) {
    }
}
