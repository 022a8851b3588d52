package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.RecipientResult;

/**
 * One recipient of a send: its message id and status, or its own error code and message; a notice
 * {@code NO_REPLY_PATH} on an accepted message says the handset's replies cannot come back; a
 * compressed send says what compression saved.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RecipientResult", propOrder = {"recipient", "messageId", "status", "errorCode", "errorMessage", "notice", "compression"})
public class RecipientOutcome {

    private String recipient;
    private Long messageId;
    private String status;
    private String errorCode;
    private String errorMessage;
    private String notice;
    private CompressionInfo compression;

    public RecipientOutcome() {
    }

    static RecipientOutcome of(RecipientResult result) {
        RecipientOutcome outcome = new RecipientOutcome();
        outcome.recipient = result.recipient();
        outcome.messageId = result.messageId();
        outcome.status = result.status() == null ? null : result.status().name();
        outcome.errorCode = result.error() == null ? null : result.error().name();
        outcome.errorMessage = result.errorMessage();
        outcome.notice = result.notice();
        outcome.compression = CompressionInfo.of(result.compression());
        return outcome;
    }
}
