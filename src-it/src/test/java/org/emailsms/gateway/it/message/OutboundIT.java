package org.emailsms.gateway.it.message;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.MessageStatus;
import org.emailsms.gateway.it.client.message.MessagePreview;
import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Messages;
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
 * Outbound SMS against the deployed gateway and a real SMPP peer over TCP: what the add-in sends
 * over SOAP arrives at the SMSC as submit_sm with the right addresses, coding and text, and the
 * status the add-in polls follows it. The gateway runs with 5 attempts, 1 s apart.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {

    private static final Set<String> POOL = Set.of("61491570156", "61491570157");
    private static final Duration DELIVERY = Messages.DELIVERY;
    private static final int ESME_RTHROTTLED = 0x58;
    private static final int ESME_RSYSERR = 0x08;
    private static final int ESME_RINVDSTADR = 0x0B;

    @RegisterExtension
    static final TestSmsc smsc = TestSmsc.onTheGatewaysPort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @Test
    void aSingleSendArrivesAsSubmitSmAndReachesOk() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();

        List<RecipientResult> results = gateway.messaging().sendMessage(serial, List.of(national(recipient)),
                "Hello from the gateway", null);

        assertEquals(1, results.size());
        assertEquals("PENDING", results.get(0).getStatus());
        long id = results.get(0).getMessageId();
        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
        SubmitSm submit = smsc.submitsTo(recipient).get(0);
        assertTrue(POOL.contains(submit.getSourceAddr()), submit.getSourceAddr());
        assertEquals(0, submit.getDataCoding(), "GSM default alphabet");
        assertEquals(0, submit.getEsmClass() & 0x40, "no header on a single segment");
        assertEquals("Hello from the gateway", new String(submit.getShortMessage(), StandardCharsets.US_ASCII));
        assertEquals(0, submit.getRegisteredDelivery(), "no receipt asked for");
        assertEquals("000002000000000R", submit.getValidityPeriod(), "the SMSC tries for two days");
        MessageStatus status = awaitStatus(serial, id, "OK");
        assertEquals(1, status.getAttempts());
        assertEquals(recipient, status.getDestination());
        assertNotNull(status.getSubmittedAt());
        assertEquals("addIn", status.getSource(), "where it came from");
        String health = gateway.get(gateway.http("/health/ready")).body();
        assertTrue(health.contains("\"smsc\"") && health.contains("\"bound\""), health);
        assertTrue(health.contains("\"node\""), "which node answered: " + health);
        assertFalse(health.contains("127.0.0.1"), "the SMSC's address is not shown to anonymous callers: " + health);
        assertTrue(health.matches("(?s).*\"retention\".*\"archive\"\\s*:\\s*\"off\".*"),
                "without an archive key nothing is archived or deleted, and health says so: " + health);
        String metrics = gateway.get(gateway.http("/metrics")).body();
        assertTrue(metrics.contains("gateway_smpp_acknowledged") && metrics.contains("gateway_messages_waiting"),
                metrics);
        assertTrue(metrics.contains("gateway_retention_archived_rows") && metrics.contains("gateway_retention_failures"),
                metrics);
        assertTrue(metrics.matches("(?s).*gateway_messages_waiting\\{[^}]*node=\"[^\"]+\".*"), "labelled with the node: " + metrics);
    }

    /** Two binds configured (bind-a and bind-b): submits take them in turn. */
    /**
     * No body is read past its bound: 300 MB declared are refused unread, five million recipients
     * sent without a declared length stop at the bound; meanwhile the gateway stays ready and sends.
     */
    @Test
    void hugeBodiesAreRefusedWhileTheGatewayStaysReadyAndSends() throws Exception {
        String serial = newSender(tenants.newCompany());
        String head = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:g=\"urn:emailsms:gateway:v1\">"
                + "<s:Body><g:sendMessage><serial>" + serial + "</serial>";
        String tail = "<text>Flood</text></g:sendMessage></s:Body></s:Envelope>";

        int declared = gateway.postRepeated(gateway.https("/ws/message"), head, "<recipient>0412345678</recipient>",
                300L * 1024 * 1024 / 33, tail, true);
        // Java's client may see the early 413 as a closed connection (-1) while it still sends.
        assertTrue(declared == 413 || declared == -1, "300 MB declared: " + declared);
        int undeclared = gateway.postRepeated(gateway.https("/ws/message"), head, "<recipient>0412345678</recipient>",
                5_000_000, tail, false);
        assertTrue(undeclared != 200, "five million recipients, no length declared: " + undeclared);
        int provisioning = gateway.postRepeated(gateway.https("/ws/provisioning"), "<x>", "<y/>", 100L * 1024 * 1024 / 4,
                "</x>", true);
        assertTrue(provisioning == 413 || provisioning == -1, "100 MB to provisioning: " + provisioning);

        assertEquals(200, gateway.get(gateway.http("/health/ready")).statusCode());
        String recipient = randomMobile();
        assertEquals("PENDING", gateway.messaging().sendMessage(serial, List.of(recipient), "Still sending", null)
                .get(0).getStatus());
        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
    }

    /** A serial that crossed the network in clear is refused and revoked, and the fault says so. */
    @Test
    void aSerialSentOverPlainHttpIsRefusedAndRevoked() throws Exception {
        String serial = newSender(tenants.newCompany());

        String refusal = assertFault("NOT_AUTHORIZED", () -> gateway.newMessagingPortOverHttp()
                .sendMessage(serial, List.of(randomMobile()), "Over HTTP", null));

        assertTrue(refusal.contains("has been revoked"), refusal);
        assertFault("AUTH_FAILED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()), "Later", null));
    }

    @Test
    void submitsAreSpreadOverEveryBind() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();

        for (int i = 0; i < 6; i++) {
            gateway.messaging().sendMessage(serial, List.of(recipient), "Spread " + i, null);
        }

        smsc.awaitSubmitsTo(recipient, 6, DELIVERY);
        assertEquals(Set.of("bind-a", "bind-b"), Set.copyOf(smsc.bindsUsedFor(recipient)));
    }

    @Test
    void everyRecipientGetsItsOwnMessage() throws Exception {
        String serial = newSender(tenants.newCompany());
        String first = randomMobile();
        String second = randomMobile();
        String kiwi = "+6421" + Messages.digits(7);

        List<RecipientResult> results = gateway.messaging().sendMessage(serial, List.of(first, second, kiwi),
                "Meeting moved to 3pm", null);

        assertEquals(3, results.stream().map(RecipientResult::getMessageId).distinct().count());
        for (String recipient : List.of(first, second, kiwi)) {
            smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
        }
    }

    @Test
    void aLongGsmTextGoesAsThreeConcatenatedSegments() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(9).substring(0, 400);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), text, null).get(0).getMessageId();

        smsc.awaitSubmitsTo(recipient, 3, DELIVERY);
        List<SubmitSm> parts = smsc.submitsTo(recipient);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            byte[] message = parts.get(i).getShortMessage();
            assertEquals(0x40, parts.get(i).getEsmClass() & 0x40, "UDHI set");
            assertArrayEquals(new byte[] {0x05, 0x00, 0x03}, new byte[] {message[0], message[1], message[2]});
            assertEquals(parts.get(0).getShortMessage()[3], message[3], "one reference for all parts");
            assertEquals(3, message[4]);
            assertEquals(i + 1, message[5]);
            joined.write(message, 6, message.length - 6);
        }
        assertEquals(text, joined.toString(StandardCharsets.US_ASCII));
        assertEquals(3, awaitStatus(serial, id, "OK").getSegments());
    }

    @Test
    void chineseAndEmojiGoAsUcs2() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();

        SendOptions confirm = new SendOptions();
        confirm.setConfirmDelivery(true);
        gateway.messaging().sendMessage(serial, List.of(recipient), "你好，世界 😀", confirm);

        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
        SubmitSm submit = smsc.submitsTo(recipient).get(0);
        assertEquals(0x08, submit.getDataCoding());
        assertEquals("你好，世界 😀", new String(submit.getShortMessage(), StandardCharsets.UTF_16BE));
        assertEquals(1, submit.getRegisteredDelivery() & 0x03, "a handset delivery confirmation was asked for");
    }

    /**
     * A client that did not get its answer (a timeout, a gateway killed after the commit) sends the
     * same request again with the same request id: it gets the first answer, and nothing goes twice.
     */
    @Test
    void theSameRequestIdAgainGetsTheFirstAnswerAndSendsNothing() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        SendOptions once = new SendOptions();
        once.setRequestId("it-" + UUID.randomUUID());

        List<RecipientResult> first = gateway.messaging().sendMessage(serial, List.of(recipient, "12345"), "Only once", once);
        List<RecipientResult> again = gateway.messaging().sendMessage(serial, List.of(recipient, "12345"), "Only once", once);

        assertEquals(first.get(0).getMessageId(), again.get(0).getMessageId());
        assertEquals("INVALID_DESTINATION", again.get(1).getErrorCode(), "the refusal is answered as the first time");
        // A later message without an id to the same number: once it is there, the first was the only other one.
        gateway.messaging().sendMessage(serial, List.of(recipient), "Marker", null);
        smsc.awaitSubmitsTo(recipient, 2, DELIVERY);
        assertEquals(List.of("Marker", "Only once"), smsc.submitsTo(recipient).stream()
                .map(submit -> new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1)).sorted().toList());

        SendOptions bad = new SendOptions();
        bad.setRequestId("has spaces in it");
        assertFault("INVALID_REQUEST", () -> gateway.messaging().sendMessage(serial, List.of(recipient), "Bad id", bad));
    }

    /** A preview sends nothing and says what the text would take. */
    @Test
    void aPreviewSaysWhatATextWouldTake() throws Exception {
        String serial = newSender(tenants.newCompany());

        MessagePreview hello = gateway.messaging().previewMessage(serial, "Hello", null);
        assertEquals(List.of("Hello", "GSM7", 5, 1, 155, true), List.of(hello.getText(), hello.getEncoding(),
                hello.getCharacters(), hello.getSegments(), hello.getCharactersLeft(), hello.isFits()));
        MessagePreview longer = gateway.messaging().previewMessage(serial, "x".repeat(400), null);
        assertEquals(List.of(3, 153 * 3 - 400), List.of(longer.getSegments(), longer.getCharactersLeft()));
        MessagePreview chinese = gateway.messaging().previewMessage(serial, "你好", null);
        assertEquals(List.of("UCS2", 68), List.of(chinese.getEncoding(), chinese.getCharactersLeft()));
        assertFault("AUTH_FAILED", () -> gateway.messaging().previewMessage("0000000000000000", "Hello", null));
    }

    @Test
    void refusesWhatTheChecksForbidAndSendsTheRest() throws Exception {
        String serial = newSender(tenants.newCompany());
        String fine = randomMobile();

        List<RecipientResult> results = gateway.messaging().sendMessage(serial,
                List.of("12345", "+33612345678", fine), "Hello", null);

        assertEquals("INVALID_DESTINATION", results.get(0).getErrorCode());
        assertNull(results.get(0).getMessageId());
        assertEquals("DESTINATION_NOT_ALLOWED", results.get(1).getErrorCode(), "France is not an allowed country");
        assertEquals("PENDING", results.get(2).getStatus());
        smsc.awaitSubmitsTo(fine, 1, DELIVERY);

        assertFault("AUTH_FAILED", () -> gateway.messaging().sendMessage("1234567890123456", List.of(fine), "Hi", null));
        SendOptions noSplit = new SendOptions();
        noSplit.setSplit(false);
        assertFault("MESSAGE_TOO_LONG", () -> gateway.messaging().sendMessage(serial, List.of(fine), "x".repeat(161), noSplit));
        assertFault("MESSAGE_TOO_LONG", () -> gateway.messaging().sendMessage(serial, List.of(fine), "y".repeat(153 * 10 + 1), null));
        assertFault("INVALID_REQUEST", () -> gateway.messaging().sendMessage(serial, List.of(fine), "", null));
        assertFault("INVALID_REQUEST", () -> gateway.messaging().sendMessage(serial, List.of(), "Hi", null));
        String company = tenants.newCompany();
        CreatedUser disabled = tenants.newSender(company);
        String disabledSerial = gateway.account().activate(disabled.getUsername(), disabled.getGeneratedPassword(), null, null);
        gateway.provisioning().setUserStatus(gateway.administrator(), disabled.getUsername(), "DISABLED");
        assertFault("ACCOUNT_DISABLED", () -> gateway.messaging().sendMessage(disabledSerial, List.of(fine), "Hi", null));
    }

    /** Fifty senders at once against a quota of twenty segments: exactly twenty get through. */
    @Test
    void aDailyQuotaHoldsExactlyUnderConcurrentSends() throws Exception {
        String serial = newSender(tenants.newCompanyWithDailyQuota(20));
        String recipient = randomMobile();

        ExecutorService senders = Executors.newFixedThreadPool(10);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                outcomes.add(senders.submit(() -> {
                    try {
                        gateway.messaging().sendMessage(serial, List.of(recipient), "Quota test", null);
                        return "ACCEPTED";
                    } catch (org.emailsms.gateway.it.client.message.GatewayFault e) {
                        return e.getFaultInfo().getCode();
                    }
                }));
            }
            int accepted = 0;
            for (Future<String> outcome : outcomes) {
                String code = outcome.get();
                if (code.equals("ACCEPTED")) {
                    accepted++;
                } else {
                    assertEquals("QUOTA_EXCEEDED", code);
                }
            }
            assertEquals(20, accepted);
        } finally {
            senders.shutdownNow();
        }
        assertFault("QUOTA_EXCEEDED", () -> gateway.messaging().sendMessage(serial, List.of(recipient), "one more", null));
        smsc.awaitSubmitsTo(recipient, 20, DELIVERY);
    }

    @Test
    void temporaryRefusalsAreRetriedUntilTheSmscAccepts() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        smsc.refuseNext(2, ESME_RSYSERR);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Third time lucky", null)
                .get(0).getMessageId();

        MessageStatus status = awaitStatus(serial, id, "OK");
        assertEquals(3, status.getAttempts(), "two refused, the third accepted");
        assertEquals(0, smsc.refusalsLeft());
        assertNull(status.getLastError(), "a message that ended OK shows no old error");
        assertEquals(1, smsc.submitsTo(recipient).size());
    }

    /** More throttling than a message has attempts: the bind slows down, the message still goes, on its first attempt. */
    @Test
    void throttlingSlowsTheBindWithoutUsingUpTheMessagesAttempts() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        smsc.refuseNext(6, ESME_RTHROTTLED);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Patience", null).get(0).getMessageId();

        MessageStatus status = awaitStatus(serial, id, "OK");
        assertEquals(0, smsc.refusalsLeft(), "all six throttled");
        assertEquals(1, status.getAttempts(), "six throttled submits, five attempts allowed, none used up");
        assertNull(status.getLastError(), "a message that ended OK shows no old error");
    }

    @Test
    void aMessageTheSmscAlwaysRefusesIsAbortedAfterTheLastAttemptAndTheSenderIsTold() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), "OutboundIT", null);
        String recipient = randomMobile();
        smsc.refuseAll(ESME_RSYSERR);
        try {
            long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Never arrives", null)
                    .get(0).getMessageId();

            MessageStatus status = awaitStatus(serial, id, "ABORT");
            assertEquals(5, status.getAttempts());
            assertTrue(status.getLastError().startsWith("Gave up after 5 attempts"), status.getLastError());
            MimeMessage email = Messages.awaitEmail(MAIL, sender.getUsername() + "@example.test", "SMS to");
            assertEquals("SMS to " + recipient + " could not be delivered", email.getSubject());
            String body = GreenMailUtil.getBody(email);
            assertTrue(body.contains("Never arrives") && body.contains("ESME_RSYSERR"), body);
        } finally {
            smsc.acceptAll();
        }
    }

    @Test
    void whatIsSentWhileTheSmscIsDownIsDeliveredWhenItReturns() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        smsc.stop();
        long id;
        try {
            id = gateway.messaging().sendMessage(serial, List.of(recipient), "Patience", null).get(0).getMessageId();

            MessageStatus failing = awaitStatus(serial, id, "FAIL");
            assertTrue(failing.getLastError().contains("Cannot bind") || failing.getLastError().contains("link"),
                    failing.getLastError());
        } finally {
            smsc.resume();
        }

        MessageStatus status = awaitStatus(serial, id, "OK");
        assertTrue(status.getAttempts() > 1);
        assertEquals(1, smsc.submitsTo(recipient).size(), () -> smsc.describeSubmitsTo(recipient));
    }

    /** Part 1 acknowledged, part 2 refused: the retry sends parts 2 and 3 only. */
    @Test
    void anAcknowledgedPartIsNeverSubmittedAgain() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        smsc.planNext(List.of(0, ESME_RSYSERR));

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "z".repeat(400), null)
                .get(0).getMessageId();

        assertEquals(2, awaitStatus(serial, id, "OK").getAttempts());
        List<Integer> partNumbers = smsc.submitsTo(recipient).stream().map(s -> (int) s.getShortMessage()[5]).toList();
        assertEquals(List.of(1, 2, 3), partNumbers);
    }

    @Test
    void aPermanentRefusalAbortsAtOnce() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        smsc.refuseNext(1, ESME_RINVDSTADR);

        long id = gateway.messaging().sendMessage(serial, List.of(recipient), "Nowhere", null).get(0).getMessageId();

        MessageStatus status = awaitStatus(serial, id, "ABORT");
        assertEquals(1, status.getAttempts());
        assertTrue(status.getLastError().contains("ESME_RINVDSTADR"), status.getLastError());
    }

    @Test
    void aScheduledMessageWaitsForItsTime() throws Exception {
        String serial = newSender(tenants.newCompany());
        String recipient = randomMobile();
        Instant sendAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        SendOptions later = new SendOptions();
        later.setSendAt(sendAt.toString());

        RecipientResult result = gateway.messaging().sendMessage(serial, List.of(recipient), "Later", later).get(0);

        assertEquals("SCHEDULED", result.getStatus());
        assertTrue(smsc.submitsTo(recipient).isEmpty());
        MessageStatus status = awaitStatus(serial, result.getMessageId(), "OK");
        assertFalse(Instant.parse(status.getSubmittedAt()).isBefore(sendAt), "not sent before its time");
        assertEquals(sendAt, Instant.parse(status.getScheduledAt()));
    }

    @Test
    void aRestrictionListLimitsDestinationsUntilItIsEmptied() throws Exception {
        String company = tenants.newCompany();
        String serial = newSender(company);
        String allowed = randomMobile();
        String other = randomMobile();

        List<String> stored = gateway.provisioning().setDestinationRestrictions(gateway.administrator(), company,
                List.of(national(allowed)));

        assertEquals(List.of(allowed), stored);
        List<RecipientResult> results = gateway.messaging().sendMessage(serial, List.of(allowed, other), "Listed?", null);
        assertEquals("PENDING", results.get(0).getStatus());
        assertEquals("DESTINATION_NOT_ALLOWED", results.get(1).getErrorCode());
        assertFault("INVALID_REQUEST", () -> gateway.provisioning().setDestinationRestrictions(
                gateway.administrator(), company, List.of(allowed, "not a number")));
        assertEquals("DESTINATION_NOT_ALLOWED", gateway.messaging().sendMessage(serial, List.of(other), "Still listed", null)
                .get(0).getErrorCode(), "a refused update changes nothing");

        gateway.provisioning().setDestinationRestrictions(gateway.administrator(), company, List.of());
        assertEquals("PENDING", gateway.messaging().sendMessage(serial, List.of(other), "Free again", null).get(0).getStatus());
    }

    /** Two colleagues texting one person: each conversation gets its own sender number, so replies find their way. */
    @Test
    void eachSenderTalksToARecipientFromItsOwnPoolNumber() throws Exception {
        String company = tenants.newCompany();
        String alice = newSender(company);
        String bob = newSender(company);
        String recipient = randomMobile();

        gateway.messaging().sendMessage(alice, List.of(recipient), "From Alice", null);
        gateway.messaging().sendMessage(bob, List.of(recipient), "From Bob", null);
        gateway.messaging().sendMessage(alice, List.of(recipient), "Alice again", null);

        smsc.awaitSubmitsTo(recipient, 3, DELIVERY);
        Map<String, String> sourceByText = new HashMap<>();
        smsc.submitsTo(recipient).forEach(s -> sourceByText.put(new String(s.getShortMessage(), StandardCharsets.US_ASCII), s.getSourceAddr()));
        assertEquals(POOL, Set.of(sourceByText.get("From Alice"), sourceByText.get("From Bob")));
        assertEquals(sourceByText.get("From Alice"), sourceByText.get("Alice again"));
    }

    @Test
    void twoSendersOpeningTheSameNewConversationAtOnceAreBothAcceptedOnTheirOwnNumbers() throws Exception {
        String company = tenants.newCompany();
        List<String> senders = List.of(newSender(company), newSender(company));
        ExecutorService pair = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String recipient = randomMobile();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> sends = new ArrayList<>();
                for (String serial : senders) {
                    // Both read "no conversation with this handset yet" and claim a pool number at once.
                    sends.add(pair.submit(() -> {
                        together.await();
                        return gateway.messaging().sendMessage(serial, List.of(recipient), "Hello", null);
                    }));
                }
                for (Future<?> send : sends) {
                    send.get(); // a lost race for the reply path was INTERNAL_ERROR
                }
                smsc.awaitSubmitsTo(recipient, 2, DELIVERY);
                assertEquals(POOL, Set.copyOf(smsc.submitsTo(recipient).stream().map(SubmitSm::getSourceAddr).toList()),
                        "round " + round + ": each sender on its own number, so that replies find their way back");
            }
        } finally {
            pair.shutdownNow();
        }
    }

    @Test
    void aSenderSeesOnlyItsOwnMessages() throws Exception {
        String company = tenants.newCompany();
        String alice = newSender(company);
        String bob = newSender(company);
        long id = gateway.messaging().sendMessage(alice, List.of(randomMobile()), "Mine", null).get(0).getMessageId();

        assertTrue(gateway.messaging().getStatus(bob, List.of(id)).isEmpty());
        assertEquals(1, gateway.messaging().getStatus(alice, List.of(id)).size());
    }

    private String newSender(String company) throws Exception {
        CreatedUser user = tenants.newSender(company);
        return gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "OutboundIT", null);
    }

    private MessageStatus awaitStatus(String serial, long id, String expected) throws InterruptedException {
        return Messages.awaitStatus(gateway, serial, id, expected);
    }

    private static String national(String e164) {
        return "0" + e164.substring(3);
    }
}
