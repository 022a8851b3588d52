package org.emailsms.gateway.it.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.MessageStatus;

/** What the message tests share: fresh numbers, and waiting for a status or an email. */
public final class Messages {

    public static final Duration DELIVERY = Duration.ofSeconds(60);

    private Messages() {
    }

    /** A fresh Australian mobile number, so that each test finds its own submits. */
    public static String randomMobile() {
        return "+61412" + digits(6);
    }

    public static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    public static MessageStatus awaitStatus(GatewayClient gateway, String serial, long id, String expected)
            throws InterruptedException {
        MessageStatus[] last = new MessageStatus[1];
        Poll.until("message " + id + " to reach " + expected, DELIVERY, () -> {
            last[0] = gateway.messaging().getStatus(serial, List.of(id)).get(0);
            return last[0].getStatus().equals(expected);
        });
        return last[0];
    }

    /** The first email to {@code address} whose subject starts with {@code subject}, once it has arrived. */
    public static MimeMessage awaitEmail(GreenMailOperations mail, String address, String subject)
            throws InterruptedException {
        Poll.until("an email to " + address + " about '" + subject + "'", DELIVERY,
                () -> !emails(mail, address, subject).isEmpty());
        return emails(mail, address, subject).get(0);
    }

    /** The emails to {@code address} so far whose subject starts with {@code subject} (every user also gets a welcome email). */
    public static List<MimeMessage> emails(GreenMailOperations mail, String address, String subject) {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage email : mail.getReceivedMessagesForDomain(address)) {
            try {
                if (email.getSubject() != null && email.getSubject().startsWith(subject)) {
                    found.add(email);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The decoded text of an email (GreenMail's raw body is still quoted-printable or base64). */
    public static String text(MimeMessage email) throws Exception {
        Object content = email.getContent();
        return content instanceof String decoded ? decoded : GreenMailUtil.getBody(email);
    }

    /** The first email to {@code address} whose body contains {@code text}, once it has arrived. */
    public static MimeMessage awaitEmailContaining(GreenMailOperations mail, String address, String text)
            throws InterruptedException {
        MimeMessage[] found = new MimeMessage[1];
        Poll.until("an email to " + address + " saying '" + text + "'", DELIVERY, () -> {
            for (MimeMessage email : mail.getReceivedMessagesForDomain(address)) {
                if (text(email).contains(text)) {
                    found[0] = email;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
