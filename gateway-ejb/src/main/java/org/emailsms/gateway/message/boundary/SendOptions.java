package org.emailsms.gateway.message.boundary;

import java.time.Instant;

import org.emailsms.gateway.message.entity.MessageSource;

/**
 * How to send: at a later time ({@code sendAt}, null for now), whether a long text may be split
 * (null follows the company's setting; true never overrides a company that forbids it), whether
 * the sender wants a handset delivery confirmation, and where the message comes from.
 */
public record SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery, MessageSource source) {

    /** Through the SOAP API. */
    public SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery) {
        this(sendAt, split, confirmDelivery, MessageSource.ADD_IN);
    }

    public static SendOptions defaults() {
        return new SendOptions(null, null, false);
    }
}
