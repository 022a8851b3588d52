package org.emailsms.gateway.message.boundary;

import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.boundary.ErrorCode;

/**
 * What became of one recipient of a send: a message and its status, or that recipient's own error.
 * An accepted message may carry a notice: {@link #NO_REPLY_PATH} when it went out one-way, because
 * every sender number is in another company's live conversation with that handset. A compressed
 * send says what the compression saved ({@code compression}, null when the text went as written).
 */
public record RecipientResult(String recipient, Long messageId, MessageStatus status, ErrorCode error,
                              String errorMessage, String notice, Compression compression) {

    public RecipientResult(String recipient, Long messageId, MessageStatus status, ErrorCode error,
                           String errorMessage, String notice) {
        this(recipient, messageId, status, error, errorMessage, notice, null);
    }

    public RecipientResult withCompression(Compression saved) {
        return new RecipientResult(recipient, messageId, status, error, errorMessage, notice, saved);
    }

    public static final String NO_REPLY_PATH = "NO_REPLY_PATH";

    public static RecipientResult accepted(String recipient, long messageId, MessageStatus status) {
        return accepted(recipient, messageId, status, true);
    }

    public static RecipientResult accepted(String recipient, long messageId, MessageStatus status, boolean repliesCome) {
        return new RecipientResult(recipient, messageId, status, null, null, repliesCome ? null : NO_REPLY_PATH);
    }

    public static RecipientResult refused(String recipient, ErrorCode error, String message) {
        return new RecipientResult(recipient, null, null, error, message, null);
    }
}
