package org.emailsms.gateway.message.boundary;

import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.boundary.ErrorCode;

/** What became of one recipient of a send: a message and its status, or that recipient's own error. */
public record RecipientResult(String recipient, Long messageId, MessageStatus status, ErrorCode error,
                              String errorMessage) {

    public static RecipientResult accepted(String recipient, long messageId, MessageStatus status) {
        return new RecipientResult(recipient, messageId, status, null, null);
    }

    public static RecipientResult refused(String recipient, ErrorCode error, String message) {
        return new RecipientResult(recipient, null, null, error, message);
    }
}
