package org.emailsms.gateway.it.client;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.emailsms.gateway.it.support.Messages.DELIVERY;
import static org.emailsms.gateway.it.support.Messages.awaitEmailContaining;
import static org.emailsms.gateway.it.support.Messages.awaitStatus;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.xml.transform.stream.StreamSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

import org.emailsms.client.ActivityLog;
import org.emailsms.client.cli.EmailSms;
import org.emailsms.gateway.it.client.account.LicenceInfo;
import org.emailsms.gateway.it.client.message.HistoryEntry;
import org.emailsms.gateway.it.client.message.HistoryPage;
import org.emailsms.gateway.it.client.message.MessagePreview;
import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.CompanyDictionaryWord;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.LoginAttempt;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clients need of the gateway, and the emailsms command built on it, against the deployed
 * gateway, the test SMSC, GreenMail and an LDAP directory started here: the licence at activation,
 * the compression dictionaries, the history that keeps a local log complete, and a session of the
 * command from activation to a reply.
 */
@ExtendWith(ArquillianExtension.class)
class ClientIT {

    private static final ServerSetup SMTP = new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final byte GSM = 0x00;

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
        smsc.awaitBinds(2, DELIVERY);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        smsc.close();
        mail.stop();
    }

    /**
     * A company that requires the licence refuses an activation that did not accept it, or accepted
     * another version; others still take clients that predate the licence.
     */
    @Test
    void activationAcceptsTheCurrentLicence() throws Exception {
        String requiring = tenants.newCompany();
        gateway.provisioning().setClientSettings(gateway.administrator(), requiring, true, false);
        CreatedUser user = tenants.newSender(requiring);
        LicenceInfo licence = gateway.account().getLicence();
        assertFalse(licence.getText().isBlank());

        assertFault("LICENCE_NOT_ACCEPTED",
                () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", null));
        assertFault("LICENCE_NOT_ACCEPTED",
                () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", licence.getVersion() + "-old"));
        assertEquals(List.of("SUCCESS", "SUCCESS"), gateway.provisioning().getLoginAttempts(gateway.administrator(),
                user.getUsername(), 10).stream().limit(2).map(LoginAttempt::getOutcome).toList(),
                "the password was right: the login audit says so, though no add-in was activated");
        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", licence.getVersion());
        assertEquals(user.getUsername(), gateway.account().getAccount(serial).getUsername());

        CreatedUser older = tenants.newSender(tenants.newCompany());
        assertNotNull(gateway.account().activate(older.getUsername(), older.getGeneratedPassword(), "old add-in", null),
                "a company that does not require it takes add-ins that predate the licence");
    }

    /** A new licence file is a new version at once: an activation that accepted the old one is refused. */
    @Test
    void aNewLicenceVersionIsAskedForAgain() throws Exception {
        // Every test runtime starts the gateway with gateway.licence.file set to this file.
        String file = System.getProperty("it.licence.file");
        assertNotNull(file, "it.licence.file: the gateway's gateway.licence.file");
        String company = tenants.newCompany();
        gateway.provisioning().setClientSettings(gateway.administrator(), company, true, false);
        CreatedUser user = tenants.newSender(company);
        String before = gateway.account().getLicence().getVersion();
        String version = "it-" + UUID.randomUUID();

        Files.writeString(Path.of(file), "Version: " + version + "\nTerms changed for the test.\n");

        Poll.until("the new licence to be served", DELIVERY, () -> gateway.account().getLicence().getVersion().equals(version));
        assertEquals("Terms changed for the test.", gateway.account().getLicence().getText());
        assertFault("LICENCE_NOT_ACCEPTED",
                () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", before));
        assertNotNull(gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", version));
    }

    /**
     * The company's words and the user's own (which go first) make a text shorter: the preview says
     * so, the send answers with what was saved, and the SMSC gets the compressed text.
     */
    @Test
    void aCompressedTextGoesInFewerSegments() throws Exception {
        String company = tenants.newCompany();
        gateway.provisioning().setCompanyDictionary(gateway.administrator(), company,
                List.of(word("tomorrow", "2moro"), word("please", "pls"), word("because", "coz")));
        CreatedUser user = tenants.newSender(company);
        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", null);
        gateway.messaging().addDictionaryWord(serial, "Please", "plz");
        assertEquals(List.of("because=coz COMPANY", "Please=plz USER", "tomorrow=2moro COMPANY"),
                gateway.messaging().getDictionary(serial).stream()
                        .map(w -> w.getWord() + "=" + w.getReplacement() + " " + w.getScope()).toList());
        String text = "Please   call me tomorrow because the meeting moved. " + "x".repeat(110);

        MessagePreview preview = gateway.messaging().previewMessage(serial, text, true);

        assertEquals("Plz call me 2moro coz the meeting moved. " + "x".repeat(110), preview.getText());
        assertEquals(List.of(text.length(), 2, preview.getText().length(), 1), List.of(
                preview.getCompression().getCharactersBefore(), preview.getCompression().getSegmentsBefore(),
                preview.getCompression().getCharactersAfter(), preview.getCompression().getSegmentsAfter()));
        String recipient = randomMobile();
        SendOptions compress = new SendOptions();
        compress.setCompress(true);
        RecipientResult sent = gateway.messaging().sendMessage(serial, List.of(recipient), text, compress).get(0);
        assertEquals(List.of(2, 1), List.of(sent.getCompression().getSegmentsBefore(), sent.getCompression().getSegmentsAfter()));
        awaitStatus(gateway, serial, sent.getMessageId(), "OK");
        assertEquals(List.of(preview.getText()), smsc.submitsTo(recipient).stream()
                .map(s -> new String(s.getShortMessage(), StandardCharsets.ISO_8859_1)).toList());
        assertTrue(gateway.messaging().removeDictionaryWord(serial, "please"));
        assertFalse(gateway.messaging().removeDictionaryWord(serial, "please"), "only the company's is left");
        assertFault("INVALID_REQUEST", () -> gateway.messaging().addDictionaryWord(serial, "two words", "2w"));
    }

    /** Pages of history follow each other without a gap or a repeat; a status change brings a message back. */
    @Test
    void historyPagesThroughMessagesTheirChangesAndReplies() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "IT", null);
        List<Long> ids = new ArrayList<>();
        String handset = randomMobile();
        SendOptions confirm = new SendOptions();
        confirm.setConfirmDelivery(true);
        for (int i = 1; i <= 3; i++) {
            ids.add(gateway.messaging().sendMessage(serial, List.of("\"Carol\" <" + handset + ">"), "Note " + i, confirm)
                    .get(0).getMessageId());
        }
        for (long id : ids) {
            awaitStatus(gateway, serial, id, "OK");
        }
        // getStatus answers an attempt's outcome at once; the history has it once it is written
        // behind (within a second) and has settled, and the reply comes after that.
        Poll.until("the three OKs in the history", DELIVERY, () -> gateway.messaging().getHistory(serial, "", 500)
                .getEntry().stream().filter(e -> "OK".equals(e.getStatus())).count() == 3);
        String pool = "+" + smsc.submitsTo(handset).get(0).getSourceAddr(); // one conversation: one sender number
        smsc.sendMo(handset, pool, "Got them".getBytes(StandardCharsets.US_ASCII), GSM, false);

        List<HistoryEntry> all = new ArrayList<>();
        Poll.until("the reply in the history", DELIVERY, () -> {
            all.clear();
            String since = "";
            HistoryPage page;
            do {
                page = gateway.messaging().getHistory(serial, since, 2);
                assertTrue(page.getEntry().size() <= 2);
                all.addAll(page.getEntry());
                since = page.getNext();
            } while (page.isMore());
            return all.stream().anyMatch(e -> e.getKind().equals("REPLY"));
        });

        List<String> lines = all.stream().map(e -> e.getKind() + " " + (e.getStatus() == null ? "" : e.getStatus() + " ")
                + e.getText() + (e.getContactName() == null ? "" : " " + e.getContactName())).toList();
        // The three went out in parallel: their OKs come in any order, the reply after them.
        assertEquals(List.of("MESSAGE OK Note 1 Carol", "MESSAGE OK Note 2 Carol", "MESSAGE OK Note 3 Carol"),
                lines.subList(0, 3).stream().sorted().toList(), lines.toString());
        assertEquals("REPLY Got them", lines.get(3));
        HistoryEntry reply = all.get(3);
        assertEquals(List.of(ids.get(2), handset), List.of(reply.getMessageId(), reply.getNumber()));
        String next = gateway.messaging().getHistory(serial, "", 500).getNext();
        assertTrue(gateway.messaging().getHistory(serial, next, 500).getEntry().isEmpty(), "nothing new after the last page");

        // The three went out in parallel: the submit of Note 1 is whichever carries its text.
        SubmitSm first = smsc.submitsTo(handset).stream()
                .filter(submit -> new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1).equals("Note 1"))
                .findFirst().orElseThrow();
        smsc.sendReceipt(first, smsc.idOf(first), "DELIVRD");
        awaitStatus(gateway, serial, ids.get(0), "DELIVERED");
        Poll.until("the delivery in the history", DELIVERY,
                () -> gateway.messaging().getHistory(serial, next, 500).getEntry().stream()
                        .anyMatch(e -> e.getId() == ids.get(0) && e.getStatus().equals("DELIVERED")));
        assertFault("INVALID_REQUEST", () -> gateway.messaging().getHistory(serial, "yesterday", 10));
    }

    /** The emailsms command, from activation to a reply, as a person at a terminal uses it. */
    @Test
    void aSessionOfTheCommandFromActivationToAReply(@TempDir Path home) throws Exception {
        String company = tenants.newCompany();
        gateway.provisioning().setClientSettings(gateway.administrator(), company, true, false);
        CreatedUser user = tenants.newUserWithGivenPassword(company, "SENDER");
        Cli cli = new Cli(home);
        String server = "https://localhost:" + Integer.getInteger("it.https.port");

        Run overHttp = cli.run("y\n" + user.getGeneratedPassword() + "\n", "activate", "--server",
                "http://localhost:" + Integer.getInteger("it.http.port"), "--user", user.getUsername());
        assertEquals(2, overHttp.exit(), overHttp.all());
        assertTrue(overHttp.err().contains("plain HTTP"), overHttp.all());

        Run declined = cli.run("n\n", "activate", "--server", server, "--user", user.getUsername(), "--trust-any-certificate");
        assertEquals(1, declined.exit(), declined.all());
        assertTrue(declined.err().contains("the licence was not accepted"), declined.all());
        assertTrue(declined.out().contains(gateway.account().getLicence().getText()), "the licence is shown");
        // The emailed password is given, not chosen: activation asks for the user's own first.
        String chosen = Tenants.chosenPassword();
        Run activated = cli.run("y\n" + user.getGeneratedPassword() + "\n" + chosen + "\n" + chosen + "\n", "activate",
                "--server", server, "--user", user.getUsername(), "--trust-any-certificate");
        assertEquals(0, activated.exit(), activated.all());
        assertTrue(activated.out().contains("must be replaced with one of your own"), activated.all());
        assertNotNull(gateway.account().activate(user.getUsername(), chosen, "IT", gateway.account().getLicence().getVersion()),
                "the chosen password works");
        assertFalse(Files.readString(home.resolve(".config/emailsms/client.properties")).contains("serial=1"),
                "the serial is not stored in the clear");

        String jane = randomMobile();
        String bob = randomMobile();
        Path addressBook = home.resolve("contacts.vcf");
        Files.writeString(addressBook, "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nTEL;TYPE=CELL:" + jane + "\nEND:VCARD\n");
        InMemoryDirectoryServer directory = directory(bob);
        try {
            assertEquals(0, cli.run("", "configure", "--vcard", addressBook.toString(),
                    "--ldap-url", "ldap://127.0.0.1:" + directory.getListenPort(), "--ldap-base-dn", "dc=example,dc=com").exit());
            Run contacts = cli.run("", "contacts", "o");
            assertTrue(contacts.out().contains("Jane Doe <" + jane + "> (address book)")
                    && contacts.out().contains("Bob Smith <" + bob + "> (directory)"), contacts.all());

            assertEquals(0, cli.run("", "dictionary", "add", "tomorrow", "2moro").exit());
            Run sent = cli.run("", "send", "Jane", "Bob Smith", "--text", "See you tomorrow", "--compress", "--yes");
            assertEquals(0, sent.exit(), sent.all());
            assertTrue(sent.out().contains("Text: See you 2moro") && sent.out().contains("Compressed: 16 -> 13 characters"),
                    sent.all());
        } finally {
            directory.shutDown(true);
        }
        smsc.awaitSubmitsTo(jane, 1, DELIVERY);
        smsc.awaitSubmitsTo(bob, 1, DELIVERY);
        assertEquals("See you 2moro", new String(smsc.submitsTo(jane).get(0).getShortMessage(), StandardCharsets.ISO_8859_1));

        Run refused = cli.run("n\n", "send", jane, "--text", "Not this one");
        assertEquals(1, refused.exit(), "said no: nothing sent");
        CompletableFuture<Run> watched = CompletableFuture.supplyAsync(() -> cli.run("", "send", jane,
                "--text", "Did it arrive?", "--yes", "--watch"));
        smsc.awaitSubmitsTo(jane, 2, DELIVERY);
        SubmitSm second = smsc.submitsTo(jane).get(1);
        assertEquals("Did it arrive?", new String(second.getShortMessage(), StandardCharsets.ISO_8859_1));
        smsc.sendReceipt(second, smsc.idOf(second), "DELIVRD");
        Run watch = watched.get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, watch.exit(), watch.all());
        assertTrue(watch.out().contains("-> DELIVERED") && watch.out().contains("All final: 1 of 1 final"), watch.all());

        String pool = "+" + second.getSourceAddr();
        smsc.sendMo(jane, pool, "Yes it did".getBytes(StandardCharsets.US_ASCII), GSM, false);
        awaitEmailContaining(mail, user.getUsername() + "@example.test", "Yes it did");

        Path log = home.resolve("activity.xml");
        Poll.until("the reply in the activity log", DELIVERY, () -> {
            Run history = cli.run("", "history", "--xml", log.toString());
            return history.exit() == 0 && Files.readString(log).contains("Yes it did");
        });
        ActivityLog.schema().newValidator().validate(new StreamSource(log.toFile()));
        String logged = Files.readString(log);
        assertEquals(3, count(logged, "<message "), logged);
        assertEquals(1, count(logged, "<reply "), logged);
        assertTrue(logged.contains("name=\"Jane Doe\"") && logged.contains("value=\"DELIVERED\""), logged);
        Run again = cli.run("", "history", "--xml", log.toString());
        assertTrue(again.out().startsWith("0 new entries"), again.all());
        assertEquals(logged.replaceAll("next=\"[^\"]*\"", ""), Files.readString(log).replaceAll("next=\"[^\"]*\"", ""),
                "a second run adds nothing");

        Path settings = home.resolve(".config/emailsms/client.properties");
        String activeSettings = Files.readString(settings);
        assertEquals(0, cli.run("", "deactivate").exit());
        Run notActivated = cli.run("", "status", "1");
        assertEquals(3, notActivated.exit());
        assertTrue(notActivated.err().contains("Not activated here"), notActivated.all());
        Files.writeString(settings, activeSettings);
        Run revoked = cli.run("", "send", jane, "--text", "With a revoked serial", "--yes");
        assertEquals(3, revoked.exit(), revoked.all());
        assertTrue(revoked.err().contains("unknown or was revoked") && revoked.err().contains("run emailsms activate again"),
                revoked.all());
    }

    /** The built distribution's launcher starts the command. */
    @Test
    void theLauncherRunsTheCommand() throws Exception {
        Path launcher = Path.of(System.getProperty("it.client.dist"), "bin", "emailsms");
        Process process = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("emailsms"), output);
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static CompanyDictionaryWord word(String word, String replacement) {
        CompanyDictionaryWord entry = new CompanyDictionaryWord();
        entry.setWord(word);
        entry.setReplacement(replacement);
        return entry;
    }

    private static InMemoryDirectoryServer directory(String bobsMobile) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", java.net.InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(null);
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: cn=Bob Smith,dc=example,dc=com", "objectClass: person", "cn: Bob Smith",
                "displayName: Bob Smith", "mobile: " + bobsMobile, "sn: Smith");
        directory.startListening();
        return directory;
    }

    /** The command in this JVM, with its own home directory, input and output. */
    private record Cli(Path home) {

        Run run(String input, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Map<String, String> environment = new HashMap<>();
            environment.put("HOME", home.toString());
            int exit = EmailSms.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    environment);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private record Run(int exit, String out, String err) {

        String all() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
