package org.emailsms.gateway.it.oms;

import static org.emailsms.gateway.it.support.Messages.DELIVERY;
import static org.emailsms.gateway.it.support.Messages.awaitEmailContaining;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.LoginAttempt;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.OutlookClient;
import org.emailsms.gateway.it.support.OutlookClient.OmsError;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.emailsms.gateway.it.client.provisioning.CompanyDictionaryWord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/**
 * Outlook's own text messaging as Outlook speaks it, with requests built after the protocol's
 * examples: the service information, user information right and wrong (and the lockout), messages
 * with several recipients and parts reaching the SMSC in order, SendXms, a batch, scheduling, every
 * refusal with its OMS code and the recipients it concerns, and a handset's reply mailed so that
 * Outlook shows it as a text message. Every answer is validated against the project's schemas.
 */
@ExtendWith(ArquillianExtension.class)
class OmsIT {

    private static final int LOCKOUT_THRESHOLD = 10;

    @RegisterExtension
    static final TestSmsc smsc = TestSmsc.onTheGatewaysPort();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);
    private final OutlookClient outlook = new OutlookClient(gateway);

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @Test
    void theServiceTellsOutlookItsNameItsLimitsAndWhereToPostOverHttpsOnly() throws Exception {
        Element info = OutlookClient.parse(outlook.serviceInfo()).getDocumentElement();

        assertEquals("http://schemas.microsoft.com/office/Outlook/2006/OMS/serviceInfo", info.getNamespaceURI());
        assertTrue(OutlookClient.text(info, "serviceUri").endsWith("/ws/oms"), OutlookClient.text(info, "serviceUri"));
        assertEquals("Other", OutlookClient.text(info, "authenticationType"));
        Element limits = (Element) info.getElementsByTagNameNS("*", "SMS_SENDER").item(0);
        assertEquals("50", limits.getAttribute("maxRecipientsPerMessage"));
        assertEquals("20", limits.getAttribute("maxMessagesPerSend"));
        assertEquals("160", limits.getAttribute("maxSbcsPerMessage"));
        assertEquals("70", limits.getAttribute("maxDbcsPerMessage"));
        assertTrue(gateway.get(gateway.https("/ws/oms?wsdl")).body()
                .contains("targetNamespace=\"http://schemas.microsoft.com/office/Outlook/2006/OMS\""));
        assertEquals(302, gateway.get(gateway.http("/ws/oms?wsdl")).statusCode(), "passwords travel over HTTPS only");
    }

    @Test
    void userInfoGivesTheMobileAndTheAddressRepliesGoToAndWrongPasswordsLockAsEverywhere() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());

        Element info = OutlookClient.parse(outlook.userInfo(user.getUsername(), user.getGeneratedPassword())).getDocumentElement();
        assertEquals("+61412345678", OutlookClient.text(info, "replyPhone"));
        assertEquals(user.getUsername() + "@example.test", OutlookClient.text(info, "smtpAddress"));
        assertEquals("ok", OutlookClient.errors(info).get(0).code());
        assertEquals("invalidUser", code(outlook.userInfo("nobody-" + user.getUsername(), "x")));

        for (int attempt = 1; attempt <= LOCKOUT_THRESHOLD + 1; attempt++) {
            assertEquals("invalidUser", code(outlook.userInfo(user.getUsername(), "wrong")));
        }
        OmsError blocked = OutlookClient.errors(outlook.userInfo(user.getUsername(), user.getGeneratedPassword())).get(0);
        assertEquals("invalidUser", blocked.code(), "even the right password, which this node remembered");
        assertTrue(blocked.content().contains("blocked"), blocked.content());
        // The oldest entry is the user's change of the password given to them, over SOAP.
        List<LoginAttempt> all = gateway.provisioning().getLoginAttempts(gateway.administrator(), user.getUsername(), 100);
        List<LoginAttempt> audit = all.subList(0, all.size() - 1);
        assertTrue(audit.stream().allMatch(a -> a.getChannel().equals("OMS")), "audited as OMS");
        assertEquals(LOCKOUT_THRESHOLD + 1, audit.stream().filter(a -> a.getOutcome().equals("BAD_PASSWORD")).count());
    }

    /** Each part is an SMS of its own, in order, to each recipient. */
    @Test
    void aMessageWithTwoRecipientsAndTwoPartsReachesTheSmscPartByPartInOrder() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String first = randomMobile();
        String second = randomMobile();

        List<OmsError> answer = outlook.deliver(user.getUsername(), user.getGeneratedPassword(), "xmsInspector", null,
                List.of(first, second), List.of("Meeting moved to 3pm, room 4.", "Bring the Q3 figures please."));

        assertEquals(List.of(new OmsError("ok", "neutral", null, List.of())), answer);
        for (String recipient : List.of(first, second)) {
            smsc.awaitSubmitsTo(recipient, 2, DELIVERY);
            List<SubmitSm> submits = smsc.submitsTo(recipient);
            assertEquals(List.of("Meeting moved to 3pm, room 4.", "Bring the Q3 figures please."),
                    submits.stream().map(s -> new String(s.getShortMessage(), StandardCharsets.US_ASCII)).toList());
            assertTrue(submits.stream().allMatch(s -> s.getEsmClass() == 0), "separate SMS, no concatenation header");
        }
    }

    /** A company that compresses Outlook's texts sends each part through its dictionary; others send them as written. */
    @Test
    void aCompanyThatCompressesOutlooksTextsSendsThemThroughItsDictionary() throws Exception {
        String compressing = tenants.newCompany();
        gateway.provisioning().setClientSettings(gateway.administrator(), compressing, false, true);
        CompanyDictionaryWord tomorrow = new CompanyDictionaryWord();
        tomorrow.setWord("tomorrow");
        tomorrow.setReplacement("2moro");
        gateway.provisioning().setCompanyDictionary(gateway.administrator(), compressing, List.of(tomorrow));
        CreatedUser user = tenants.newSender(compressing);
        String plainCompany = tenants.newCompany();
        gateway.provisioning().setCompanyDictionary(gateway.administrator(), plainCompany, List.of(tomorrow));
        CreatedUser plain = tenants.newSender(plainCompany);
        String recipient = randomMobile();
        String other = randomMobile();

        outlook.deliver(user.getUsername(), user.getGeneratedPassword(), "xmsInspector", null, List.of(recipient),
                List.of("Tomorrow at  9, see you tomorrow."));
        outlook.deliver(plain.getUsername(), plain.getGeneratedPassword(), "xmsInspector", null, List.of(other),
                List.of("See you tomorrow."));

        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
        assertEquals("2moro at 9, see you 2moro.", new String(smsc.submitsTo(recipient).get(0).getShortMessage(), StandardCharsets.US_ASCII));
        smsc.awaitSubmitsTo(other, 1, DELIVERY);
        assertEquals("See you tomorrow.", new String(smsc.submitsTo(other).get(0).getShortMessage(), StandardCharsets.US_ASCII));
    }

    @Test
    void sendXmsIsTheOlderNameOfDeliverXms() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String recipient = randomMobile();

        String answer = outlook.call("SendXms", "xmsData", OutlookClient.xmsData(user.getUsername(),
                user.getGeneratedPassword(), null, null, List.of(recipient), List.of("Sent the old way"), null));

        assertEquals("ok", code(answer));
        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
    }

    /** The envelope as an rpc/encoded client writes it: an unqualified parameter with xsi:type. */
    @Test
    void aParameterWithoutNamespaceAndWithAnXsiTypeIsReadToo() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body><tns:GetUserInfo xmlns:tns=\"" + OutlookClient.NS + "\"><xmsUser xsi:type=\"xsd:string\">"
                + OutlookClient.escape(OutlookClient.xmsUser(user.getUsername(), user.getGeneratedPassword()))
                + "</xmsUser></tns:GetUserInfo></soap:Body></soap:Envelope>";

        assertEquals("ok", code(outlook.envelope("GetUserInfo", envelope)));
    }

    @Test
    void aBatchOfTwoIsAnsweredMessageByMessageUnderTheirIds() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String recipient = randomMobile();
        String batch = "<?xml version=\"1.0\" encoding=\"utf-16\"?><xmsBatch client=\"Microsoft Windows SharePoint Service\" xmlns=\""
                + OutlookClient.NS + "\">"
                + OutlookClient.xmsData(user.getUsername(), user.getGeneratedPassword(), "wssAlert", null, List.of(recipient),
                List.of("Alert one"), "0")
                + OutlookClient.xmsData(user.getUsername(), user.getGeneratedPassword(), "wssAlert", null, List.of("12"),
                List.of("Alert two"), "1")
                + "</xmsBatch>";

        Element answers = OutlookClient.parse(outlook.call("DeliverXmsBatch", "packageXml", batch)).getDocumentElement();

        List<Element> responses = new ArrayList<>();
        for (int i = 0; i < answers.getElementsByTagNameNS("*", "xmsResponse").getLength(); i++) {
            responses.add((Element) answers.getElementsByTagNameNS("*", "xmsResponse").item(i));
        }
        assertEquals(List.of("0", "1"), responses.stream().map(r -> r.getAttribute("id")).toList());
        assertEquals("ok", OutlookClient.errors(responses.get(0)).get(0).code());
        assertEquals(new OmsError("invalidRecipient", "failure", OutlookClient.errors(responses.get(1)).get(0).content(),
                List.of("12")), OutlookClient.errors(responses.get(1)).get(0));
        smsc.awaitSubmitsTo(recipient, 1, DELIVERY);
    }

    /**
     * Every message of a batch carries the credentials again: a batch of 1,500 with a wrong
     * password costs one password check, and no more than the advertised maxMessagesPerSend (20)
     * messages of any batch are looked at; the rest get the protocol's limit error.
     */
    @Test
    void aHugeBatchOfWrongPasswordsCostsOneCheckAndOnlyTwentyMessagesOfABatchGo() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        StringBuilder wrong = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-16\"?><xmsBatch xmlns=\"" + OutlookClient.NS + "\">");
        for (int i = 0; i < 1_500; i++) {
            wrong.append(OutlookClient.xmsData(user.getUsername(), "wrong-" + i, "wssAlert", null, List.of(randomMobile()),
                    List.of("Alert " + i), Integer.toString(i)));
        }
        List<Element> answers = responses(outlook.call("DeliverXmsBatch", "packageXml", wrong.append("</xmsBatch>").toString()));

        assertEquals(1_500, answers.size());
        for (int i = 0; i < 20; i++) {
            assertEquals("invalidUser", OutlookClient.errors(answers.get(i)).get(0).code(), "message " + i);
        }
        assertTrue(OutlookClient.errors(answers.get(1)).get(0).content().startsWith("Not checked"),
                OutlookClient.errors(answers.get(1)).get(0).content());
        for (int i = 20; i < 1_500; i++) {
            OmsError limit = OutlookClient.errors(answers.get(i)).get(0);
            assertEquals("other", limit.code(), "message " + i);
            assertTrue(limit.content().contains("at most 20 messages"), limit.content());
        }
        assertEquals(1, omsAttempts(user), "one password checked for the whole batch");

        StringBuilder right = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-16\"?><xmsBatch xmlns=\"" + OutlookClient.NS + "\">");
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            recipients.add(randomMobile());
            right.append(OutlookClient.xmsData(user.getUsername(), user.getGeneratedPassword(), "wssAlert", null,
                    List.of(recipients.get(i)), List.of("Alert " + i), Integer.toString(i)));
        }
        List<Element> sent = responses(outlook.call("DeliverXmsBatch", "packageXml", right.append("</xmsBatch>").toString()));
        for (int i = 0; i < 20; i++) {
            assertEquals("ok", OutlookClient.errors(sent.get(i)).get(0).code(), "message " + i);
        }
        assertEquals("other", OutlookClient.errors(sent.get(20)).get(0).code());
        for (int i = 0; i < 20; i++) {
            smsc.awaitSubmitsTo(recipients.get(i), 1, DELIVERY);
        }
        assertEquals(2, omsAttempts(user), "the right password checked once for twenty messages");
    }

    @Test
    void aPasswordTheUserWasGivenOpensNothingUntilChanged() throws Exception {
        CreatedUser user = tenants.newUserWithGivenPassword(tenants.newCompany(), "SENDER");

        OmsError refused = OutlookClient.errors(outlook.userInfo(user.getUsername(), user.getGeneratedPassword())).get(0);
        assertEquals("invalidUser", refused.code());
        assertTrue(refused.content().contains("must be replaced with one of your own"), refused.content());
        assertEquals("invalidUser", outlook.deliver(user.getUsername(), user.getGeneratedPassword(), null, null,
                List.of(randomMobile()), List.of("Hello")).get(0).code());
    }

    private long omsAttempts(CreatedUser user) throws Exception {
        return gateway.provisioning().getLoginAttempts(gateway.administrator(), user.getUsername(), 100).stream()
                .filter(attempt -> attempt.getChannel().equals("OMS")).count();
    }

    private static List<Element> responses(String document) throws Exception {
        Element answers = OutlookClient.parse(document).getDocumentElement();
        List<Element> responses = new ArrayList<>();
        for (int i = 0; i < answers.getElementsByTagNameNS("*", "xmsResponse").getLength(); i++) {
            responses.add((Element) answers.getElementsByTagNameNS("*", "xmsResponse").item(i));
        }
        return responses;
    }

    /**
     * A client that speaks SOAP 1.2 (as a Ruby OMS sender published on GitHub does) gets every
     * operation at the same address, answered in SOAP 1.2, and SOAP 1.2 faults; both are in the WSDL.
     */
    @Test
    void everyOperationAnswersSoap12CallersInSoap12AtTheSameAddress() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String recipient = randomMobile();
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("GetServiceInfo", "<GetServiceInfo xmlns=\"" + OutlookClient.NS + "\"/>");
        calls.put("GetUserInfo", wrapped("GetUserInfo", "xmsUser", OutlookClient.xmsUser(user.getUsername(), user.getGeneratedPassword())));
        calls.put("DeliverXms", wrapped("DeliverXms", "xmsData", OutlookClient.xmsData(user.getUsername(),
                user.getGeneratedPassword(), null, null, List.of(recipient), List.of("Over SOAP 1.2"), null)));
        calls.put("SendXms", wrapped("SendXms", "xmsData", OutlookClient.xmsData(user.getUsername(),
                user.getGeneratedPassword(), null, null, List.of(recipient), List.of("SendXms over SOAP 1.2"), null)));
        calls.put("DeliverXmsBatch", wrapped("DeliverXmsBatch", "packageXml", "<xmsBatch xmlns=\"" + OutlookClient.NS + "\">"
                + OutlookClient.xmsData(user.getUsername(), user.getGeneratedPassword(), "wssAlert", null, List.of(recipient),
                List.of("Batch over SOAP 1.2"), "0") + "</xmsBatch>"));
        for (Map.Entry<String, String> call : calls.entrySet()) {
            HttpResponse<String> answer = gateway.postSoap12(gateway.https("/ws/oms"), OutlookClient.NS + "/" + call.getKey(),
                    SOAP12_START + call.getValue() + SOAP12_END);
            assertEquals(200, answer.statusCode(), call.getKey() + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"),
                    call.getKey() + ": " + answer.headers());
            Element envelope = OutlookClient.parse(answer.body()).getDocumentElement();
            assertEquals(SOAP12, envelope.getNamespaceURI(), call.getKey());
            String result = envelope.getElementsByTagNameNS(OutlookClient.NS, call.getKey() + "Result").item(0).getTextContent();
            if (call.getKey().equals("GetServiceInfo")) {
                assertEquals("1033", OutlookClient.text(OutlookClient.parse(result).getDocumentElement(), "targetLocale"));
            } else {
                assertTrue(result.contains("code=\"ok\""), call.getKey() + ": " + result);
            }
        }
        smsc.awaitSubmitsTo(recipient, 3, DELIVERY);

        HttpResponse<String> fault = gateway.postSoap12(gateway.https("/ws/oms"), OutlookClient.NS + "/Nothing",
                SOAP12_START + "<Nothing xmlns=\"" + OutlookClient.NS + "\"/>" + SOAP12_END);
        assertEquals(500, fault.statusCode(), fault.body());
        Element faultEnvelope = OutlookClient.parse(fault.body()).getDocumentElement();
        assertEquals(SOAP12, faultEnvelope.getNamespaceURI());
        assertEquals(1, faultEnvelope.getElementsByTagNameNS(SOAP12, "Fault").getLength(), fault.body());
        assertEquals(1, faultEnvelope.getElementsByTagNameNS(SOAP12, "Code").getLength(), "a SOAP 1.2 fault: " + fault.body());

        String wsdl = gateway.get(gateway.https("/ws/oms?wsdl")).body();
        assertTrue(wsdl.contains("soap12:binding") || wsdl.contains("wsdl/soap12/"), wsdl);
        assertTrue(wsdl.contains("OMSServiceSoap12"), wsdl);
    }

    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String SOAP12_START = "<soap12:Envelope xmlns:soap12=\"" + SOAP12 + "\"><soap12:Body>";
    private static final String SOAP12_END = "</soap12:Body></soap12:Envelope>";

    private static String wrapped(String operation, String parameter, String document) {
        return "<" + operation + " xmlns=\"" + OutlookClient.NS + "\"><" + parameter + ">" + OutlookClient.escape(document)
                + "</" + parameter + "></" + operation + ">";
    }

    /** A scheduled time in the future waits for it; one in the past means now. */
    @Test
    void aScheduledMessageWaitsForItsTimeAndOneInThePastGoesNow() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String later = randomMobile();
        String past = randomMobile();
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> arrived = new ConcurrentHashMap<>();

        assertEquals(List.of("ok"), codes(outlook.deliver(user.getUsername(), user.getGeneratedPassword(), null, at,
                List.of(later), List.of("At the time"))));
        assertEquals(List.of("ok"), codes(outlook.deliver(user.getUsername(), user.getGeneratedPassword(), null,
                Instant.now().minus(Duration.ofHours(1)), List.of(past), List.of("Now"))));

        Poll.until("the past-scheduled message at the SMSC", DELIVERY, () -> smsc.submitCount(past) == 1);
        Poll.until("the scheduled message at the SMSC", DELIVERY, () -> {
            if (smsc.submitCount(later) == 1) {
                arrived.putIfAbsent(later, Instant.now());
                return true;
            }
            return false;
        });
        assertFalse(arrived.get(later).isBefore(at), "not before " + at + " but at " + arrived.get(later));
    }

    @Test
    void everyRefusalHasItsCodeAndNamesTheRecipientsItConcerns() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String good = randomMobile();
        String name = user.getUsername();
        String password = user.getGeneratedPassword();

        List<OmsError> partly = outlook.deliver(name, password, null, null, List.of("12", good), List.of("Hello"));
        assertEquals(List.of("invalidRecipient"), codes(partly));
        assertEquals(List.of("12"), partly.get(0).recipients(), "the good number was sent");
        smsc.awaitSubmitsTo(good, 1, DELIVERY);

        assertEquals(List.of("invalidUser"), codes(outlook.deliver(name, "wrong", null, null, List.of(good), List.of("x"))));
        OmsError tooLong = outlook.deliver(name, password, null, null, List.of(good), List.of("x".repeat(161))).get(0);
        assertEquals("lengthLimit", tooLong.code());
        assertEquals(List.of(good), tooLong.recipients());
        List<String> many = IntStream.range(0, 51).mapToObj(i -> randomMobile()).toList();
        assertEquals(List.of("other"), codes(outlook.deliver(name, password, null, null, many, List.of("x"))));
        List<String> parts = Collections.nCopies(21, "part");
        assertEquals(List.of("other"), codes(outlook.deliver(name, password, "xmsInspector", null, List.of(good), parts)));
        String summaryTo = randomMobile();
        assertEquals(List.of("ok"), codes(outlook.deliver(name, password, "calSummary", null, List.of(summaryTo), parts)),
                "a calendar summary may have up to 50 parts");
        String mms = OutlookClient.xmsData(name, password, null, null, List.of(good), List.of("x"), null)
                .replace("format=\"SMS\"", "format=\"MMS\"");
        assertEquals(List.of("unregisteredService"), codes(OutlookClient.errors(outlook.call("DeliverXms", "xmsData", mms))));
    }

    @Test
    void aCompanysListQuotaAndSettingsRefuseWithTheirOwnCodes() throws Exception {
        String company = tenants.newCompanyWithDailyQuota(1);
        CreatedUser user = tenants.newSender(company);
        String name = user.getUsername();
        String password = user.getGeneratedPassword();
        String allowed = randomMobile();
        String other = randomMobile();

        OmsError quota = outlook.deliver(name, password, null, null, List.of(allowed, other), List.of("Two")).get(0);
        assertEquals(new OmsError("perDayMsgLimit", "failure", "1 SMS", List.of(allowed, other)), quota);

        gateway.provisioning().setDestinationRestrictions(gateway.administrator(), company, List.of(allowed));
        List<OmsError> notAllowed = outlook.deliver(name, password, null, null, List.of(other), List.of("Not on the list"));
        assertEquals(List.of("invalidRecipient"), codes(notAllowed), "a number off the company's list reads as invalid");
        assertEquals(List.of(other), notAllowed.get(0).recipients());

        gateway.provisioning().setOutlookSettings(gateway.administrator(), company, true, List.of("calSummary"));
        OmsError reminder = outlook.deliver(name, password, "reminder", null, List.of(allowed), List.of("Dentist")).get(0);
        assertEquals("other", reminder.code());
        assertTrue(reminder.content().contains("reminders"), reminder.content());

        gateway.provisioning().setOutlookSettings(gateway.administrator(), company, false, List.of());
        assertEquals("unregisteredUser", code(outlook.userInfo(name, password)));
        assertEquals(List.of("unregisteredUser"), codes(outlook.deliver(name, password, null, null, List.of(allowed), List.of("x"))));

        gateway.provisioning().setOutlookSettings(gateway.administrator(), company, true, List.of());
        gateway.provisioning().setUserStatus(gateway.administrator(), name, "DISABLED");
        assertEquals("expiredUser", code(outlook.userInfo(name, password)));
        assertEquals(0, smsc.submitCount(allowed) + smsc.submitCount(other), "nothing refused was sent");
    }

    /** A handset answers a message sent from Outlook: the email says it is a text message Outlook can answer. */
    @Test
    void aReplyToAMessageFromOutlookArrivesAsATextMessageOutlookCanAnswer() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String handset = randomMobile();
        assertEquals("ok", codes(outlook.deliver(user.getUsername(), user.getGeneratedPassword(), "xmsInspector", null,
                List.of(handset), List.of("Lunch?"))).get(0));
        smsc.awaitSubmitsTo(handset, 1, DELIVERY);
        String poolNumber = "+" + smsc.submitsTo(handset).get(0).getSourceAddr();

        smsc.sendMo(handset, poolNumber, "Yes, at 1".getBytes(StandardCharsets.US_ASCII), (byte) 0x00, false);

        MimeMessage email = awaitEmailContaining(MAIL, user.getUsername() + "@example.test", "Yes, at 1");
        assertEquals("MS-OMS-SMS", email.getHeader("Content-class", null));
        assertEquals(handset, email.getHeader("X-MS-Reply-To-Mobile", null));
        assertNotNull(email.getHeader("In-Reply-To", null), "threaded under the SMS it answers, as before");
    }

    private static String code(String document) throws Exception {
        return OutlookClient.errors(document).get(0).code();
    }

    private static List<String> codes(List<OmsError> errors) {
        return errors.stream().map(OmsError::code).toList();
    }
}
