package org.emailsms.gateway.message.boundary;

import java.time.Instant;

/**
 * How to send: at a later time ({@code sendAt}, null for now), whether a long text may be split
 * (null follows the company's setting; true never overrides a company that forbids it), and
 * whether the sender wants a handset delivery confirmation.
 */
public record SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery) {

    public static SendOptions defaults() {
        return new SendOptions(null, null, false);
    }
}
