package org.emailsms.gateway.message.boundary;

import java.time.Instant;

import org.emailsms.gateway.message.entity.MessageSource;

/**
 * How to send: at a later time ({@code sendAt}, null for now), whether a long text may be split
 * (null follows the company's setting; true never overrides a company that forbids it), whether
 * the sender wants a handset delivery confirmation, where the message comes from, and the client's
 * own id for the request ({@code requestId}, null for none): the same id again within two days gets
 * the first answer and sends nothing, so a client may safely send again after a timeout; and whether
 * the text goes through the sender's compression dictionaries first ({@code compress}).
 */
public record SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery, MessageSource source, String requestId,
                          boolean compress) {

    /** The longest request id a client may choose. */
    public static final int MAX_REQUEST_ID = 64;

    public SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery, MessageSource source) {
        this(sendAt, split, confirmDelivery, source, null, false);
    }

    /** Through the SOAP API. */
    public SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery) {
        this(sendAt, split, confirmDelivery, MessageSource.ADD_IN);
    }

    /** Through the SOAP API, with the client's request id. */
    public SendOptions(Instant sendAt, Boolean split, boolean confirmDelivery, String requestId) {
        this(sendAt, split, confirmDelivery, MessageSource.ADD_IN, requestId, false);
    }

    /** The same, through the compression dictionaries or not. */
    public SendOptions compressed(boolean compressed) {
        return new SendOptions(sendAt, split, confirmDelivery, source, requestId, compressed);
    }

    public static SendOptions defaults() {
        return new SendOptions(null, null, false);
    }
}
