package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.CompanySpec;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server is down while receipts and replies arrive: every delivery confirmation and every
 * reply email is kept in the outbox and sent once the server is back (-Dbench.messages, 200; every
 * message gets a receipt and a reply).
 */
class SmtpOutageDrill {

    @Test
    void everyEmailIsSentOnceTheSmtpServerIsBack() throws Exception {
        int messages = setting("messages", 200);
        try (Rig rig = Rig.start("smtp-outage-drill", Map.of())) {
            CompanySpec company = new CompanySpec();
            company.setName(Tenants.unique("Confirming"));
            company.setHomeCountry("AU");
            company.setTimeZone("Australia/Sydney");
            company.setDeliveryConfirmation(true);
            rig.client.provisioning().createCompany(rig.client.administrator(), company);
            CreatedUser sender = new Tenants(rig.client).newSender(company.getName());
            String inbox = sender.getUsername() + "@example.test";
            String serial = rig.client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            Poll.until("the welcome email", Duration.ofMinutes(1), () -> !Messages.emails(rig.mail(), inbox, "Your").isEmpty());

            rig.stopMail();
            rig.smsc.answerEverySubmit(1.0);
            SendOptions confirm = new SendOptions();
            confirm.setConfirmDelivery(true);
            for (int i = 0; i < messages; i++) {
                rig.client.messaging().sendMessage(serial, List.of("+614" + (17_000_000L + i)), "Confirm me", confirm);
            }
            Poll.until("every receipt and reply processed", Duration.ofMinutes(5),
                    () -> Metrics.gauge(rig.client, "gateway_inbound_receipts") >= messages
                            && Metrics.gauge(rig.client, "gateway_inbound_replies") >= messages);
            Poll.until("the outbox to have met the outage", Duration.ofMinutes(2),
                    () -> Metrics.gauge(rig.client, "gateway_mail_retrying") > 0);
            long waiting = Metrics.gauge(rig.client, "gateway_mail_pending");
            rig.line("SMTP down: %d receipts and %d replies processed, %d emails waiting in the outbox",
                    Metrics.gauge(rig.client, "gateway_inbound_receipts"), Metrics.gauge(rig.client, "gateway_inbound_replies"),
                    waiting);

            rig.startMail();
            Poll.until("every email sent", Duration.ofMinutes(10),
                    () -> Messages.emails(rig.mail(), inbox, "SMS").size() >= 2 * messages);
            int confirmations = Messages.emails(rig.mail(), inbox, "SMS to").size();
            int replies = Messages.emails(rig.mail(), inbox, "SMS reply from").size();
            rig.line("SMTP back: %d delivery confirmations and %d reply emails received, %d still waiting",
                    confirmations, replies, Metrics.gauge(rig.client, "gateway_mail_pending"));
            assertEquals(messages, confirmations);
            assertEquals(messages, replies);
        }
    }
}
