package org.emailsms.gateway.it.message;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.emailsms.gateway.it.support.Messages.DELIVERY;
import static org.emailsms.gateway.it.support.Messages.awaitEmailContaining;
import static org.emailsms.gateway.it.support.Messages.awaitStatus;
import static org.emailsms.gateway.it.support.Messages.emails;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.emailsms.gateway.it.support.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.UnroutedReply;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replies from handsets: the SMSC delivers them as deliver_sm to one of the pool's
 * numbers, and each reaches the inbox of the user who owns that conversation, as an email that
 * threads under the SMS it answers. The gateway is configured with the fallback mailbox
 * {@value #FALLBACK}; GreenMail stands in for the company's SMTP server and is stopped on purpose.
 */
@ExtendWith(ArquillianExtension.class)
class ReplyIT {

    private static final String FALLBACK = "unrouted@example.test";
    private static final ServerSetup SMTP = new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final String REPLY = "SMS reply from";
    private static final byte GSM = 0x00;
    private static final byte UCS2 = 0x08;

    private static TestSmsc smsc;
    private static GreenMail mail;

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @BeforeAll
    static void startPeers() throws Exception {
        mail = new GreenMail(SMTP);
        mail.start();
        smsc = new TestSmsc(Integer.getInteger("it.smsc.port"));
        // The gateway binds by itself, without an SMS to send: replies can come in from the start.
        smsc.awaitBinds(2, DELIVERY);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        smsc.close();
        mail.stop();
    }

    @Test
    void twoUsersTextingOneRecipientEachGetTheirOwnReply() throws Exception {
        String company = tenants.newCompany();
        CreatedUser alice = tenants.newSender(company);
        CreatedUser bob = tenants.newSender(company);
        String recipient = randomMobile();
        long alicesSms = send(alice, "\"Jane Doe\" <" + recipient + ">", "Lunch at 1?");
        long bobsSms = send(bob, recipient, "Call me back please");
        String alicesNumber = "+" + smsc.submitsTo(recipient).get(0).getSourceAddr();
        String bobsNumber = "+" + smsc.submitsTo(recipient).get(1).getSourceAddr();
        assertNotEquals(alicesNumber, bobsNumber, "each conversation has a pool number of its own");

        smsc.sendMo(recipient, bobsNumber, gsm("Sure, calling at 5"), GSM, false);
        smsc.sendMo(recipient, alicesNumber, gsm("Yes, 1 is fine"), GSM, false);

        MimeMessage toAlice = awaitEmailContaining(mail, inbox(alice), "Yes, 1 is fine");
        assertEquals("SMS reply from Jane Doe (" + recipient + ")", toAlice.getSubject(), "the contact's name is known");
        assertTrue(text(toAlice).contains("> Lunch at 1?"), "quotes the SMS it answers");
        assertEquals(List.of(threadOf(alicesSms)), headers(toAlice, "In-Reply-To"));
        assertEquals(List.of(threadOf(alicesSms)), headers(toAlice, "References"));
        MimeMessage toBob = awaitEmailContaining(mail, inbox(bob), "Sure, calling at 5");
        assertEquals("SMS reply from " + recipient, toBob.getSubject());
        assertEquals(List.of(threadOf(bobsSms)), headers(toBob, "In-Reply-To"));
        assertEquals(1, emails(mail, inbox(alice), REPLY).size(), "alice got only her reply");
        assertEquals(1, emails(mail, inbox(bob), REPLY).size(), "bob got only his");
    }

    /**
     * Another company texting the same handset, from the same pool of two numbers, as often as it
     * likes: it never takes over the first company's live conversation, so it never gets its replies.
     */
    @Test
    void anotherCompanyTextingTheSameHandsetNeverReceivesTheRepliesMeantForTheFirst() throws Exception {
        CreatedUser alice = tenants.newSender(tenants.newCompany());
        String globex = tenants.newCompany();
        CreatedUser bob = tenants.newSender(globex);
        CreatedUser carol = tenants.newSender(globex);
        String handset = randomMobile();
        send(alice, handset, "From Acme");
        String alicesNumber = "+" + smsc.submitsTo(handset).get(0).getSourceAddr();

        for (int i = 0; i < 3; i++) {
            send(bob, handset, "From Globex, Bob " + i);
            send(carol, handset, "From Globex, Carol " + i);
        }
        smsc.sendMo(handset, alicesNumber, gsm("Reply meant for Acme"), GSM, false);

        awaitEmailContaining(mail, inbox(alice), "Reply meant for Acme");
        assertTrue(smsc.submitsTo(handset).stream().skip(1).noneMatch(s -> alicesNumber.equals("+" + s.getSourceAddr())),
                smsc.describeSubmitsTo(handset));
        assertEquals(List.of(), emails(mail, inbox(bob), REPLY), "bob got no reply");
        assertEquals(List.of(), emails(mail, inbox(carol), REPLY), "carol got no reply");
    }

    /** A number the provider gives one company carries that company's conversations first, and nobody else's. */
    @Test
    void aCompanysOwnSenderNumberIsUsedFirstAndByNoOtherCompany() throws Exception {
        String initech = tenants.newCompany();
        String own = "+6149157" + ThreadLocalRandom.current().nextInt(2000, 10000); // never one of the shared pool
        assertEquals(List.of(own), gateway.provisioning().setSenderNumbers(gateway.administrator(), initech, List.of(own)));
        CreatedUser peter = tenants.newSender(initech);
        CreatedUser alice = tenants.newSender(tenants.newCompany());
        String handset = randomMobile();

        send(peter, handset, "From Initech's own number");
        send(alice, handset, "From the shared pool");

        assertEquals(own, "+" + smsc.submitsTo(handset).get(0).getSourceAddr());
        assertNotEquals(own, "+" + smsc.submitsTo(handset).get(1).getSourceAddr());
        smsc.sendMo(handset, own, gsm("Reply to Initech"), GSM, false);
        awaitEmailContaining(mail, inbox(peter), "Reply to Initech");
        assertFault("NOT_FOUND", () -> gateway.provisioning().setSenderNumbers(gateway.administrator(), "No such company",
                List.of("+61491579999")));
    }

    /** Both pool numbers are in other companies' live conversations: the message goes one-way, and says so. */
    @Test
    void whenEveryNumberIsInAnotherCompanysConversationTheMessageGoesOneWayAndTheResultSaysSo() throws Exception {
        String handset = randomMobile();
        send(tenants.newSender(tenants.newCompany()), handset, "From Acme");
        send(tenants.newSender(tenants.newCompany()), handset, "From Globex");
        CreatedUser dave = tenants.newSender(tenants.newCompany());
        long before = gauge("gateway_messages_without_reply_path");

        RecipientResult result = gateway.messaging().sendMessage(serialOf(dave), List.of(handset), "From Initech", null).get(0);

        assertEquals("PENDING", result.getStatus());
        assertEquals("NO_REPLY_PATH", result.getNotice());
        smsc.awaitSubmitsTo(handset, 3, DELIVERY);
        SubmitSm oneWay = smsc.submitsTo(handset).get(2);
        assertEquals("NoReply", oneWay.getSourceAddr());
        assertEquals(5, oneWay.getSourceAddrTon(), "alphanumeric");
        assertTrue(gauge("gateway_messages_without_reply_path") > before);
    }

    /** GSM 7-bit parts with a user data header, arriving last part first; the euro sign's escape straddles the cut. */
    @Test
    void aTwoPartReplyWithAHeaderArrivesAsOneEmail() throws Exception {
        Conversation conversation = startConversation("How much was it?");
        CreatedUser sender = conversation.sender();
        String recipient = conversation.handset();
        String pool = conversation.poolNumber();
        String text = "It was 12€" + " in the end, and ".repeat(9) + "that is all.";
        byte[] septets = gsm(text);
        int cut = indexOfEscape(septets) + 1;

        smsc.sendMo(recipient, pool, withHeader(0x2A, 2, 2, Arrays.copyOfRange(septets, cut, septets.length)), GSM, true);
        smsc.sendMo(recipient, pool, withHeader(0x2A, 2, 1, Arrays.copyOfRange(septets, 0, cut)), GSM, true);

        awaitEmailContaining(mail, inbox(sender), text);
        smsc.sendMo(recipient, pool, gsm("and one more"), GSM, false);
        awaitEmailContaining(mail, inbox(sender), "and one more");
        assertEquals(2, emails(mail, inbox(sender), REPLY).size(),
                "the two parts made one email, and no part was mailed on its own");
    }

    /** Part 2 of 2 never comes: after gateway.inbound.reassembly-timeout (5 s in these tests) part 1 is mailed, marked incomplete. */
    @Test
    void aReplyWhoseLastPartNeverArrivesIsMailedIncompleteAfterTheTimeout() throws Exception {
        Conversation conversation = startConversation("Are you coming?");
        smsc.sendMo(conversation.handset(), conversation.poolNumber(),
                withHeader(0x3B, 2, 1, gsm("Yes, but only after the meeting, which ")), GSM, true);

        MimeMessage email = awaitEmailContaining(mail, inbox(conversation.sender()), "Yes, but only after the meeting");
        assertTrue(text(email).contains("(Incomplete: the network delivered only part(s) 1 of 2; the rest never arrived.)"),
                text(email));
        assertEquals(1, emails(mail, inbox(conversation.sender()), REPLY).size(), "mailed once");
    }

    /** UCS-2 parts marked by SAR parameters instead of a header; the emoji's surrogate pair straddles the cut. */
    @Test
    void aTwoPartUcs2ReplyWithSarParametersArrivesAsOneEmail() throws Exception {
        Conversation conversation = startConversation("Как дела?");
        String recipient = conversation.handset();
        String pool = conversation.poolNumber();
        String text = "Хорошо 😀 спасибо, до встречи завтра!";
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        int cut = text.indexOf("😀") * 2 + 2;

        smsc.sendMo(recipient, pool, Arrays.copyOfRange(ucs2, 0, cut), UCS2, false, sar(0x0102, 2, 1));
        smsc.sendMo(recipient, pool, Arrays.copyOfRange(ucs2, cut, ucs2.length), UCS2, false, sar(0x0102, 2, 2));

        awaitEmailContaining(mail, inbox(conversation.sender()), text);
    }

    @Test
    void aReplyNobodyOwnsGoesToTheFallbackMailboxAndIsListedForAdministrators() throws Exception {
        String stranger = randomMobile();
        String text = "Who is this? " + stranger;

        smsc.sendMo(stranger, "+61491570157", gsm(text), GSM, false);

        MimeMessage email = awaitEmailContaining(mail, FALLBACK, text);
        assertEquals("Unrouted SMS from " + stranger + " to +61491570157", email.getSubject());
        List<UnroutedReply> listed = gateway.provisioning().getUnroutedReplies(gateway.administrator(), 50);
        UnroutedReply reply = listed.stream().filter(r -> r.getHandset().equals(stranger)).findFirst().orElseThrow();
        assertEquals(text, reply.getText());
        assertEquals("+61491570157", reply.getPoolNumber());
        assertEquals(FALLBACK, reply.getMailedTo());
    }

    @Test
    void withTheSmtpServerDownTheEmailIsKeptAndSentOnceItIsBack() throws Exception {
        Conversation conversation = startConversation("Are you there?");
        long retryingBefore = gauge("gateway_mail_retrying");
        mail.stop();
        try {
            smsc.sendMo(conversation.handset(), conversation.poolNumber(), gsm("Here now"), GSM, false);
            Poll.until("the gateway to have tried and failed to send the email", DELIVERY,
                    () -> gauge("gateway_mail_retrying") > retryingBefore);
        } finally {
            mail = new GreenMail(SMTP);
            mail.start();
        }

        awaitEmailContaining(mail, inbox(conversation.sender()), "Here now");
    }

    /** A new sender's SMS to a new handset, acknowledged by the SMSC: the handset can reply. */
    private Conversation startConversation(String text) throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String handset = randomMobile();
        send(sender, handset, text);
        return new Conversation(sender, handset, "+" + smsc.submitsTo(handset).get(0).getSourceAddr());
    }

    private record Conversation(CreatedUser sender, String handset, String poolNumber) {
    }

    private long send(CreatedUser sender, String recipient, String text) throws Exception {
        String serial = serialOf(sender);
        long id = gateway.messaging().sendMessage(serial, List.of(recipient), text, null).get(0).getMessageId();
        awaitStatus(gateway, serial, id, "OK");
        return id;
    }

    private String serialOf(CreatedUser user) throws Exception {
        return gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);
    }

    private static String inbox(CreatedUser user) {
        return user.getUsername() + "@example.test";
    }

    private static String threadOf(long smsId) {
        return "<sms-" + smsId + "@localhost>";
    }

    private static List<String> headers(MimeMessage email, String name) throws Exception {
        String[] values = email.getHeader(name);
        return values == null ? List.of() : List.of(values);
    }

    private long gauge(String name) throws Exception {
        return Metrics.gauge(gateway, name);
    }

    private static byte[] gsm(String text) {
        return CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM);
    }

    private static int indexOfEscape(byte[] septets) {
        for (int i = 0; i < septets.length; i++) {
            if (septets[i] == 0x1B) {
                return i;
            }
        }
        throw new IllegalArgumentException("no escape");
    }

    private static byte[] withHeader(int reference, int total, int sequence, byte[] payload) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) sequence});
        part.writeBytes(payload);
        return part.toByteArray();
    }

    private static OptionalParameter[] sar(int reference, int total, int sequence) {
        return new OptionalParameter[] {
            new OptionalParameter.Sar_msg_ref_num((short) reference),
            new OptionalParameter.Sar_total_segments((byte) total),
            new OptionalParameter.Sar_segment_seqnum((byte) sequence)
        };
    }
}
