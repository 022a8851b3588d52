package org.emailsms.gateway.it.message;

import static org.emailsms.gateway.it.support.Messages.awaitStatus;
import static org.emailsms.gateway.it.support.Messages.digits;
import static org.emailsms.gateway.it.support.Messages.emails;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.Carrier;
import org.emailsms.gateway.it.client.provisioning.CompanySpec;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.GatewayFault;
import org.emailsms.gateway.it.client.provisioning.Route;
import org.emailsms.gateway.it.support.Browser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestCertificates;
import org.emailsms.gateway.it.support.TestSmsc;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several carriers, as an operator configures them for the distribution: Australian numbers go to
 * one carrier's SMSC (plain TCP), New Zealand numbers to another's over TLS, one company's messages
 * all to the second; a carrier that cannot be reached passes its messages to the next carrier of
 * the route, a permanent refusal does not; each carrier's receipts find their own messages even when
 * both carriers hand out the same ids; a carrier whose certificate names another host is never
 * bound, and health says why. No default carrier: a number no route takes is refused at acceptance.
 */
class CarriersIT {

    private static final int HTTP_PORT = 25080;
    private static final int AU_PORT = 12801;
    private static final int NZ_PORT = 12802;
    private static final int WRONG_NAME_PORT = 12803;
    private static final int EXTRA_PORT = 12804;
    private static final String ROUTED_COMPANY = Tenants.unique("Routed");
    /** The New Zealand carrier's own sender number: replies to it come through that carrier. */
    private static final String NZ_NUMBER = "+64211234567";
    private static final String OPERATOR = "operator@carriers.test";
    private static final String ALERT = "EmailSMS gateway alert: carrier au is down";
    private static final String CLEARED = "EmailSMS gateway cleared: carrier au is down";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private static TestSmsc australia;
    private static TestSmsc newZealand;
    private static TestSmsc wrongName;
    private static Distribution gateway;
    private static GatewayClient client;
    private static String serial;
    private static CreatedUser carried;
    private static String routedSerial;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "carriers");
        TestCertificates certificates = new TestCertificates(work.resolve("tls"));
        Path nzKeys = certificates.serverKeyStore("nz-smsc", "dns:localhost,ip:127.0.0.1");
        Path otherKeys = certificates.serverKeyStore("other-smsc", "dns:smsc.other.example");
        australia = new TestSmsc(AU_PORT);
        newZealand = TestSmsc.overTls(NZ_PORT, TestCertificates.serverContext(nzKeys));
        wrongName = TestSmsc.overTls(WRONG_NAME_PORT, TestCertificates.serverContext(otherKeys));

        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_CARRIERS", "au,nz,elsewhere");
        env.put("GATEWAY_CARRIER_AU_HOST", "127.0.0.1");
        env.put("GATEWAY_CARRIER_AU_PORT", Integer.toString(AU_PORT));
        env.put("GATEWAY_CARRIER_AU_SYSTEM_ID", "au-account");
        env.put("GATEWAY_CARRIER_AU_SENDER_NUMBERS", "+61491570156,+61491570157");
        env.put("GATEWAY_CARRIER_NZ_HOST", "localhost");
        env.put("GATEWAY_CARRIER_NZ_PORT", Integer.toString(NZ_PORT));
        env.put("GATEWAY_CARRIER_NZ_SYSTEM_ID", "nz-account");
        env.put("GATEWAY_CARRIER_NZ_BINDS", "2");
        env.put("GATEWAY_CARRIER_NZ_SENDER_NUMBERS", NZ_NUMBER);
        env.put("GATEWAY_CARRIER_NZ_TLS", "true");
        env.put("GATEWAY_CARRIER_NZ_TRUST_STORE", certificates.trustStore().toString());
        env.put("GATEWAY_CARRIER_NZ_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
        env.put("GATEWAY_CARRIER_ELSEWHERE_HOST", "localhost");
        env.put("GATEWAY_CARRIER_ELSEWHERE_PORT", Integer.toString(WRONG_NAME_PORT));
        env.put("GATEWAY_CARRIER_ELSEWHERE_TLS", "true");
        env.put("GATEWAY_CARRIER_ELSEWHERE_TRUST_STORE", certificates.trustStore().toString());
        env.put("GATEWAY_CARRIER_ELSEWHERE_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
        env.put("GATEWAY_ROUTES", "routed-company,australia,new-zealand");
        env.put("GATEWAY_ROUTE_ROUTED_COMPANY_COMPANIES", ROUTED_COMPANY);
        env.put("GATEWAY_ROUTE_ROUTED_COMPANY_CARRIERS", "nz");
        env.put("GATEWAY_ROUTE_AUSTRALIA_PREFIXES", "+61");
        env.put("GATEWAY_ROUTE_AUSTRALIA_CARRIERS", "au,nz");
        env.put("GATEWAY_ROUTE_NEW_ZEALAND_COUNTRIES", "NZ");
        env.put("GATEWAY_ROUTE_NEW_ZEALAND_CARRIERS", "nz");
        env.put("GATEWAY_SMSC_BIND_CHECK_INTERVAL", "PT1S");
        env.put("GATEWAY_SMSC_REBIND_MAX_WAIT", "PT1S");
        env.put("GATEWAY_RETRY_INTERVAL", "PT1S");
        env.put("GATEWAY_RETRY_SWEEP_INTERVAL", "PT1S");
        env.put("GATEWAY_ADMIN_EMAIL", OPERATOR);
        env.put("GATEWAY_MAIL_HOST", "127.0.0.1");
        env.put("GATEWAY_MAIL_PORT", "3125");
        env.put("GATEWAY_MAIL_SWEEP_INTERVAL", "PT1S");
        env.put("GATEWAY_ALERT_CHECK_INTERVAL", "PT1S");
        env.put("GATEWAY_ALERT_BIND_DOWN_AFTER", "PT5S");
        gateway = new Distribution(work, HTTP_PORT, HTTP_PORT + 101, env);
        gateway.start("gateway");
        client = gateway.client();

        Tenants tenants = new Tenants(client);
        carried = tenants.newSender(company(tenants, Tenants.unique("Carried")));
        serial = client.account().activate(carried.getUsername(), carried.getGeneratedPassword(), null, null);
        routedSerial = activate(tenants, company(tenants, ROUTED_COMPANY));
        australia.awaitBinds(1, Duration.ofSeconds(30));
        newZealand.awaitBinds(2, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (TestSmsc smsc : new TestSmsc[] {australia, newZealand, wrongName}) {
            if (smsc != null) {
                smsc.close();
            }
        }
    }

    @Test
    void eachDestinationGoesThroughItsCarrierAndACompanysRuleComesFirst() throws Exception {
        String au = randomMobile();
        String nz = newZealandMobile();
        String routedAu = randomMobile();

        List<RecipientResult> sent = client.messaging().sendMessage(serial, List.of(au, nz), "Which carrier?", null);
        long routed = client.messaging().sendMessage(routedSerial, List.of(routedAu), "Our own carrier", null)
                .get(0).getMessageId();

        awaitStatus(client, serial, sent.get(0).getMessageId(), "OK");
        awaitStatus(client, serial, sent.get(1).getMessageId(), "OK");
        awaitStatus(client, routedSerial, routed, "OK");
        assertEquals(1, australia.submitsTo(au).size());
        assertEquals(List.of(), newZealand.submitsTo(au));
        assertEquals(1, newZealand.submitsTo(nz).size(), "over TLS");
        assertEquals(List.of(), australia.submitsTo(nz));
        assertEquals(1, newZealand.submitsTo(routedAu).size(), "the company's rule comes before the prefix's");
        assertEquals(List.of(), australia.submitsTo(routedAu));
        assertEquals(NZ_NUMBER.substring(1), newZealand.submitsTo(nz).get(0).getSourceAddr(),
                "from a number of the carrier that delivers it, so the reply comes back through it");
        assertEquals(NZ_NUMBER.substring(1), newZealand.submitsTo(routedAu).get(0).getSourceAddr());
        assertTrue(australia.submitsTo(au).get(0).getSourceAddr().startsWith("6149157015"),
                australia.submitsTo(au).get(0).getSourceAddr());
        String metrics = client.get(client.http("/metrics")).body();
        assertTrue(metrics.matches("(?s).*gateway_carrier_acknowledged\\{[^}]*carrier=\"nz\"[^}]*} [1-9].*")
                && metrics.matches("(?s).*gateway_carrier_binds_bound\\{[^}]*carrier=\"au\"[^}]*} 1.*"), metrics);
        // The Prometheus rules shipped in docs/ name only metrics the gateway publishes.
        String rules = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("docs")
                .resolve("prometheus-alerts.yml"));
        Matcher names = Pattern.compile("gateway_[a-z_]+").matcher(rules);
        while (names.find()) {
            assertTrue(metrics.contains("\n" + names.group() + "{"), names.group() + " is not in /metrics");
        }
    }

    @Test
    void aNumberNoRouteTakesIsRefusedAtAcceptanceAndTheOthersGo() throws Exception {
        String uk = "+447400123456"; // the number libphonenumber gives as its example of a UK mobile
        String au = randomMobile();

        List<RecipientResult> sent = client.messaging().sendMessage(serial, List.of(uk, au), "Two countries", null);

        assertEquals("DESTINATION_NOT_ALLOWED", sent.get(0).getErrorCode(), sent.get(0).getErrorMessage());
        assertEquals(null, sent.get(0).getMessageId(), "nothing stored for it");
        awaitStatus(client, serial, sent.get(1).getMessageId(), "OK");
    }

    @Test
    void aCarrierThatCannotBeReachedPassesItsMessagesToTheNextOfTheRoute() throws Exception {
        String au = randomMobile();
        String waiting = randomMobile();
        SendOptions inAFewSeconds = new SendOptions();
        inAFewSeconds.setSendAt(Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).toString());
        long scheduled = client.messaging().sendMessage(serial, List.of(waiting), "Accepted before the outage",
                inAFewSeconds).get(0).getMessageId();
        australia.stop();
        try {
            Poll.until("the Australian carrier's bind to be down", Duration.ofSeconds(30),
                    () -> client.get(client.http("/health/ready")).body().matches("(?s).*\"au\"\\s*:\\s*\"not bound.*"));
            long id = client.messaging().sendMessage(serial, List.of(au), "Through the fallback", null)
                    .get(0).getMessageId();

            awaitStatus(client, serial, id, "OK");
            assertEquals(1, newZealand.submitsTo(au).size(), "the route's second carrier took it");
            assertEquals(1, client.messaging().getStatus(serial, List.of(id)).get(0).getAttempts(),
                    "failing over used no more than the one attempt");
            awaitStatus(client, serial, scheduled, "OK");
            assertEquals(1, newZealand.submitsTo(waiting).size(), "a message waiting when it went down goes there too");
            assertEquals(List.of(), australia.submitsTo(waiting));
        } finally {
            australia.resume();
        }
        australia.awaitBinds(1, Duration.ofSeconds(30));
    }

    @Test
    void aPermanentRefusalOfTheMessageIsNotPassedOn() throws Exception {
        String au = randomMobile();
        australia.refuseNext(1, 0x0B); // ESME_RINVDSTADR: the number itself is wrong

        long id = client.messaging().sendMessage(serial, List.of(au), "Wrong number", null).get(0).getMessageId();

        String lastError = awaitStatus(client, serial, id, "ABORT").getLastError();
        assertEquals(0, australia.refusalsLeft(), "the Australian carrier refused it");
        assertTrue(lastError.contains("Carrier au") && lastError.contains("ESME_RINVDSTADR"), lastError);
        assertEquals(List.of(), newZealand.submitsTo(au), "no other carrier was tried");
    }

    @Test
    void eachCarriersReceiptFindsItsOwnMessageWhenBothGaveTheSameId() throws Exception {
        String au = randomMobile();
        String nz = newZealandMobile();
        String sameId = Long.toHexString(System.nanoTime());
        australia.planIds(sameId);
        newZealand.planIds(sameId);
        SendOptions confirm = new SendOptions();
        confirm.setConfirmDelivery(true);

        List<RecipientResult> sent = client.messaging().sendMessage(serial, List.of(au, nz), "Same id twice", confirm);
        long auId = sent.get(0).getMessageId();
        long nzId = sent.get(1).getMessageId();
        awaitStatus(client, serial, auId, "OK");
        awaitStatus(client, serial, nzId, "OK");
        SubmitSm toAustralia = australia.submitsTo(au).get(0);
        SubmitSm toNewZealand = newZealand.submitsTo(nz).get(0);
        assertEquals(sameId, australia.idOf(toAustralia));
        assertEquals(sameId, newZealand.idOf(toNewZealand));

        newZealand.sendReceipt(toNewZealand, sameId, "UNDELIV");
        awaitStatus(client, serial, nzId, "UNDELIVERED");
        assertEquals("OK", client.messaging().getStatus(serial, List.of(auId)).get(0).getStatus(),
                "the other carrier's message with the same id is untouched");
        australia.sendReceipt(toAustralia, sameId, "DELIVRD");
        awaitStatus(client, serial, auId, "DELIVERED");
    }

    @Test
    void aCarrierWhoseCertificateNamesAnotherHostIsNotBoundAndHealthSaysWhy() throws Exception {
        Poll.until("health to report the refused certificate", Duration.ofSeconds(30), () -> client.get(
                client.http("/health/ready")).body().contains("TLS handshake failed, the SMSC's certificate is refused"));
        String health = client.get(client.http("/health/ready")).body();
        assertTrue(health.matches("(?s).*\"elsewhere\"\\s*:\\s*\"not bound: TLS handshake failed.*"), health);
        assertEquals(0, wrongName.boundCount(), "no bind was completed with the impostor");
    }

    /**
     * The routes the configuration gave are the database's at the first start; the provider replaces
     * them through SOAP provisioning, checked whole, and the next message follows the new ones.
     */
    @Test
    void theProviderReplacesTheRoutesThroughProvisioningAndABadListChangesNothing() throws Exception {
        List<Route> configured = client.provisioning().getRoutes(client.administrator());
        assertEquals(List.of("routed-company", "australia", "new-zealand"), configured.stream().map(Route::getName).toList());
        assertEquals(List.of("au", "nz"), configured.get(1).getCarrier());

        Route unknownCarrier = route("australia", "+61", "telstra");
        GatewayFault refused = org.junit.jupiter.api.Assertions.assertThrows(GatewayFault.class,
                () -> client.provisioning().setRoutes(client.administrator(), List.of(unknownCarrier)));
        assertEquals("INVALID_REQUEST", refused.getFaultInfo().getCode());
        assertTrue(refused.getMessage().contains("route 'australia' names carrier 'telstra', which is not configured"),
                refused.getMessage());
        assertEquals(3, client.provisioning().getRoutes(client.administrator()).size(), "nothing changed");

        try {
            List<Route> stored = client.provisioning().setRoutes(client.administrator(),
                    List.of(route("all-to-nz", "+61", "nz"), route("new-zealand", "+64", "nz")));
            assertEquals(List.of("all-to-nz", "new-zealand"), stored.stream().map(Route::getName).toList());
            String au = randomMobile();
            long id = client.messaging().sendMessage(serial, List.of(au), "Rerouted", null).get(0).getMessageId();
            awaitStatus(client, serial, id, "OK");
            assertEquals(1, newZealand.submitsTo(au).size(), "the new route applies at once on the node that took it");
            assertEquals(List.of(), australia.submitsTo(au));
        } finally {
            client.provisioning().setRoutes(client.administrator(), configured);
        }
        assertEquals(3, client.provisioning().getRoutes(client.administrator()).size());
    }

    /**
     * A carrier added through provisioning is bound within a bind check and takes what its route
     * sends it; its password is never read back; it cannot go while a route names it.
     */
    @Test
    void aCarrierAddedThroughProvisioningIsBoundAndUsedAndRemovedOnceNoRouteNamesIt() throws Exception {
        List<Route> configured = client.provisioning().getRoutes(client.administrator());
        try (TestSmsc extra = new TestSmsc(EXTRA_PORT)) {
            Carrier carrier = new Carrier();
            carrier.setName("extra");
            carrier.setHost("127.0.0.1");
            carrier.setPort(EXTRA_PORT);
            carrier.setSystemId("extra-account");
            carrier.setPassword("s3cret");
            client.provisioning().setCarrier(client.administrator(), carrier);
            extra.awaitBinds(1, Duration.ofSeconds(30));
            Carrier read = client.provisioning().getCarriers(client.administrator()).stream()
                    .filter(c -> c.getName().equals("extra")).findFirst().orElseThrow();
            assertEquals(true, read.isEditable());
            assertEquals(true, read.isPasswordSet());
            assertEquals(null, read.getPassword(), "a password is never given back");
            assertEquals(false, client.provisioning().getCarriers(client.administrator()).stream()
                    .filter(c -> c.getName().equals("au")).findFirst().orElseThrow().isEditable(), "the configuration's");

            List<Route> withExtra = new java.util.ArrayList<>();
            withExtra.add(route("extra-numbers", "+61499", "extra"));
            withExtra.addAll(configured);
            client.provisioning().setRoutes(client.administrator(), withExtra);
            String handset = "+61499" + digits(6);
            long id = client.messaging().sendMessage(serial, List.of(handset), "Through the new carrier", null)
                    .get(0).getMessageId();
            awaitStatus(client, serial, id, "OK");
            assertEquals(1, extra.submitsTo(handset).size());

            GatewayFault named = org.junit.jupiter.api.Assertions.assertThrows(GatewayFault.class,
                    () -> client.provisioning().removeCarrier(client.administrator(), "extra"));
            assertTrue(named.getMessage().contains("is named by route(s) extra-numbers"), named.getMessage());
            client.provisioning().setRoutes(client.administrator(), configured);
            client.provisioning().removeCarrier(client.administrator(), "extra");
            Poll.until("the removed carrier's bind to be closed", Duration.ofSeconds(30), () -> extra.boundCount() == 0);
        } finally {
            client.provisioning().setRoutes(client.administrator(), configured);
        }
    }

    private static Route route(String name, String prefix, String carrier) {
        Route route = new Route();
        route.setName(name);
        route.getPrefix().add(prefix);
        route.getCarrier().add(carrier);
        return route;
    }

    /** A reply in two parts reaches its sender's inbox through whichever carrier it comes. */
    @Test
    void aTwoPartReplyFromEachCarrierReachesTheSendersInbox() throws Exception {
        String au = randomMobile();
        String nz = newZealandMobile();
        List<RecipientResult> sent = client.messaging().sendMessage(serial, List.of(au, nz), "Reply, please", null);
        String auNumber = awaitStatus(client, serial, sent.get(0).getMessageId(), "OK").getSenderNumber();
        String nzNumber = awaitStatus(client, serial, sent.get(1).getMessageId(), "OK").getSenderNumber();
        String inbox = carried.getUsername() + "@example.test";

        String fromNewZealand = "Kia ora, this answer comes in two parts " + "over the TLS bind ".repeat(8) + "and ends here.";
        replyInTwoParts(newZealand, "nz-account", nz, nzNumber, fromNewZealand, 0x31);
        String fromAustralia = "G'day, this answer comes in two parts " + "over the plain bind ".repeat(8) + "and ends here.";
        replyInTwoParts(australia, "au-account", au, auNumber, fromAustralia, 0x32);

        Messages.awaitEmailContaining(MAIL, inbox, fromNewZealand);
        Messages.awaitEmailContaining(MAIL, inbox, fromAustralia);
    }

    /** The second part first, as networks often deliver them. */
    private static void replyInTwoParts(TestSmsc smsc, String systemId, String handset, String senderNumber, String text,
                                        int reference) throws Exception {
        byte[] septets = CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM);
        int cut = septets.length / 2;
        smsc.sendMoVia(systemId, handset, senderNumber, withHeader(reference, 2,
                Arrays.copyOfRange(septets, cut, septets.length)), (byte) 0, true);
        smsc.sendMoVia(systemId, handset, senderNumber, withHeader(reference, 1, Arrays.copyOfRange(septets, 0, cut)),
                (byte) 0, true);
    }

    /** Part {@code sequence} of two behind a concatenation header (8-bit reference). */
    private static byte[] withHeader(int reference, int sequence, byte[] payload) {
        byte[] part = new byte[6 + payload.length];
        System.arraycopy(new byte[] {5, 0, 3, (byte) reference, 2, (byte) sequence}, 0, part, 0, 6);
        System.arraycopy(payload, 0, part, 6, payload.length);
        return part;
    }

    /** A carrier down for longer than the wait is one email to the provider, and one when it is back. */
    @Test
    void aCarrierDownForTheWholeWaitIsMailedOnceAndClearedOnce() throws Exception {
        // Whatever another test's short outage raised has cleared first.
        Poll.until("no alert about au left open", Messages.DELIVERY,
                () -> emails(MAIL, OPERATOR, ALERT).size() == emails(MAIL, OPERATOR, CLEARED).size());
        int raisedBefore = emails(MAIL, OPERATOR, ALERT).size();
        australia.stop();
        try {
            Poll.until("the alert email", Messages.DELIVERY, () -> emails(MAIL, OPERATOR, ALERT).size() > raisedBefore);
            MimeMessage alert = emails(MAIL, OPERATOR, ALERT).get(raisedBefore);
            assertTrue(Messages.text(alert).contains("Carrier au has had no bound SMPP bind on any node since"),
                    Messages.text(alert));
        } finally {
            australia.resume();
        }
        Poll.until("the cleared email", Messages.DELIVERY, () -> emails(MAIL, OPERATOR, CLEARED).size() > raisedBefore);
        assertEquals(raisedBefore + 1, emails(MAIL, OPERATOR, ALERT).size(), "one alert email for the outage");
        assertEquals(raisedBefore + 1, emails(MAIL, OPERATOR, CLEARED).size(), "and one when it cleared");
        String neverBound = "EmailSMS gateway alert: carrier elsewhere is down";
        Poll.until("the alert about the carrier that never binds", Messages.DELIVERY,
                () -> !emails(MAIL, OPERATOR, neverBound).isEmpty());
        assertEquals(1, emails(MAIL, OPERATOR, neverBound).size(), "one alert, however many checks saw it down");
        australia.awaitBinds(1, Duration.ofSeconds(30));

        try (Browser browser = new Browser(client)) {
            browser.signIn("admin", System.getProperty("it.admin.password"));
            browser.open("/admin/index.xhtml");
            String alerts = browser.text("alerts");
            assertTrue(alerts.contains("carrier elsewhere is down"), "the dashboard lists what is raised: " + alerts);
            assertTrue(!alerts.contains("carrier au is down"), "and not what has cleared: " + alerts);
        }
    }

    private static String newZealandMobile() {
        return "+6421" + digits(7);
    }

    private static String company(Tenants tenants, String name) throws Exception {
        CompanySpec company = new CompanySpec();
        company.setName(name);
        company.setHomeCountry("AU");
        company.getAllowedCountry().add("NZ");
        company.getAllowedCountry().add("GB");
        company.setTimeZone("Australia/Sydney");
        client.provisioning().createCompany(client.administrator(), company);
        return name;
    }

    private static String activate(Tenants tenants, String company) throws Exception {
        CreatedUser sender = tenants.newSender(company);
        return client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
    }
}
