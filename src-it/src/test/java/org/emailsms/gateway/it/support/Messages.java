package org.emailsms.gateway.it.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.junit5.GreenMailExtension;

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

    public static MimeMessage awaitEmail(GreenMailExtension mail, String address) throws InterruptedException {
        Poll.until("an email to " + address, DELIVERY, () -> mail.getReceivedMessagesForDomain(address).length > 0);
        return mail.getReceivedMessagesForDomain(address)[0];
    }
}
