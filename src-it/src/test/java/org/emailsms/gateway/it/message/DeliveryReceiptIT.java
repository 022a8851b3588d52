package org.emailsms.gateway.it.message;

import static org.emailsms.gateway.it.support.Messages.awaitEmail;
import static org.emailsms.gateway.it.support.Messages.awaitStatus;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.CompanySpec;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handset delivery confirmation: the SMSC's receipts, sent over SMPP as deliver_sm,
 * turn OK into DELIVERED (or UNDELIVERED), part by part, and the sender who asked gets an email.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryReceiptIT {

    @RegisterExtension
    static final TestSmsc smsc = TestSmsc.onTheGatewaysPort();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @Test
    void aReceiptTurnsOkIntoDeliveredAndTheSenderIsTold() throws Exception {
        CreatedUser sender = tenants.newSender(confirmingCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        String recipient = randomMobile();
        SendOptions confirm = new SendOptions();
        confirm.setConfirmDelivery(true);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Did you get this?", confirm)
                .get(0).getMessageId();
        awaitStatus(gateway, serial, id, "OK");
        SubmitSm submit = smsc.submitsTo(recipient).get(0);
        String decimalWithZeros = "00" + Long.parseLong(smsc.idOf(submit), 16);
        smsc.sendReceipt(submit, decimalWithZeros, "DELIVRD");

        awaitStatus(gateway, serial, id, "DELIVERED");
        MimeMessage email = awaitEmail(MAIL, sender.getUsername() + "@example.test", "SMS to");
        assertEquals("SMS to " + recipient + ": delivered", email.getSubject());
        assertTrue(GreenMailUtil.getBody(email).contains("is delivered"), GreenMailUtil.getBody(email));
    }

    @Test
    void theReceiptsOfAllPartsRollUpIntoTheMessage() throws Exception {
        CreatedUser sender = tenants.newSender(confirmingCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        String recipient = randomMobile();
        String text = "Part of a long story. ".repeat(20).substring(0, 400);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), text, null).get(0).getMessageId();
        awaitStatus(gateway, serial, id, "OK");
        List<SubmitSm> parts = smsc.submitsTo(recipient);
        assertEquals(3, parts.size());

        smsc.sendReceipt(parts.get(0), smsc.idOf(parts.get(0)), "DELIVRD");
        smsc.sendReceipt(parts.get(1), smsc.idOf(parts.get(1)).toUpperCase(), "DELIVRD");
        assertEquals("OK", gateway.messaging().getStatus(serial, List.of(id)).get(0).getStatus(),
                "two of three parts reported: not yet final");
        smsc.sendReceipt(parts.get(2), smsc.idOf(parts.get(2)), "UNDELIV");

        awaitStatus(gateway, serial, id, "UNDELIVERED");
        assertEquals(List.of(), Messages.emails(MAIL, sender.getUsername() + "@example.test", "SMS to"),
                "no confirmation was asked for");
    }

    /**
     * A receipt can reach the gateway before the acknowledgement it reports on is stored (SMSCs send
     * receipts right after submit_sm_resp). It is kept, counted as early and waiting, and applied
     * on a later attempt once the acknowledgement is there.
     */
    @Test
    void aReceiptAheadOfItsAcknowledgementWaitsAndIsAppliedOnceItIsStored() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        String handset = randomMobile();
        String smscId = Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
        long earlyBefore = Metrics.gauge(gateway, "gateway_inbound_receipts_early");
        long waitingBefore = Metrics.gauge(gateway, "gateway_inbound_waiting");

        smsc.sendReceiptFor(null, handset, "+61491570156", smscId, "DELIVRD");
        Poll.until("the early receipt to be tried and kept", Duration.ofSeconds(30),
                () -> Metrics.gauge(gateway, "gateway_inbound_receipts_early") > earlyBefore
                        && Metrics.gauge(gateway, "gateway_inbound_waiting") > waitingBefore);

        smsc.planIds(smscId);
        long id = gateway.messaging().sendMessage(serial, List.of(handset), "Sent after its receipt", null)
                .get(0).getMessageId();
        awaitStatus(gateway, serial, id, "DELIVERED");
        Poll.until("the applied receipt to leave the waiting ones", Duration.ofSeconds(30),
                () -> Metrics.gauge(gateway, "gateway_inbound_waiting") <= waitingBefore);
    }

    @Test
    void aReceiptArrivingOnAnotherBindStillFindsItsMessage() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        String recipient = randomMobile();

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Which bind?", null).get(0).getMessageId();
        awaitStatus(gateway, serial, id, "OK");
        SubmitSm submit = smsc.submitsTo(recipient).get(0);
        String otherBind = smsc.bindsUsedFor(recipient).get(0).equals("bind-a") ? "bind-b" : "bind-a";
        smsc.sendReceiptVia(otherBind, submit, smsc.idOf(submit), "DELIVRD");

        awaitStatus(gateway, serial, id, "DELIVERED");
    }

    private String confirmingCompany() throws Exception {
        CompanySpec company = new CompanySpec();
        company.setName(Tenants.unique("Confirming"));
        company.setHomeCountry("AU");
        company.setTimeZone("Australia/Sydney");
        company.setDeliveryConfirmation(true);
        gateway.provisioning().createCompany(gateway.administrator(), company);
        return company.getName();
    }
}
