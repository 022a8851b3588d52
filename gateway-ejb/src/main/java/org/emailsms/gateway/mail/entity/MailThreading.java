package org.emailsms.gateway.mail.entity;

/**
 * Where an email stands in a conversation, so that mail clients thread it: its own id and the id of
 * the email it follows, both as local parts ({@code sms-42}); the sender adds the domain. Every
 * email about outbound message 42 follows {@code sms-42}, so a reply, a delivery confirmation and
 * an error email about one SMS land in one thread.
 */
public record MailThreading(String messageKey, String inReplyToKey) {

    /** Email {@code kind} (such as {@code reply-7} or {@code delivered}) about outbound message {@code smsId}. */
    public static MailThreading aboutSms(long smsId, String kind) {
        return new MailThreading("sms-" + smsId + "." + kind, "sms-" + smsId);
    }

    public static MailThreading standalone(String messageKey) {
        return new MailThreading(messageKey, null);
    }
}
