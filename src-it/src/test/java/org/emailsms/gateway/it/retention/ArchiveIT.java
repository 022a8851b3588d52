package org.emailsms.gateway.it.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Browser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.emailsms.gateway.it.support.WorkDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The retention drill, on the distribution as an operator runs it (H2 default, an SMPP peer, the
 * operator's key made by Debian's GnuPG): messages, a reply and sign-ins are made for real, then
 * moved back in time in the stopped gateway's database (100 and 101 days; 400 days for the
 * sign-ins). "Run now" on the Operations page; the gateway is killed (SIGKILL) while the job is
 * half-way, started again and the job run again. Then every old row is in the archive exactly once,
 * as {@code gpg --decrypt} with the operator's private key reads it, and gone from the database;
 * the younger company's rows are untouched.
 */
class ArchiveIT {

    private static final int HTTP_PORT = 23080;
    private static final int SMSC_PORT = 12795;
    private static final int OLD_MESSAGES = 16;

    @Test
    void oldRowsAreArchivedForTheOperatorAloneThenDeletedAcrossAKill() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "retention");
        try (Gpg operator = Gpg.withNewKey("Archive drill <archive@example.test>");
             TestSmsc smsc = new TestSmsc(SMSC_PORT)) {
            WorkDirectory.fresh(work);
            Path publicKey = work.resolve("operator.asc");
            operator.exportPublicKey(publicKey);
            Map<String, String> env = new HashMap<>();
            env.put("GATEWAY_SMSC_HOST", "127.0.0.1");
            env.put("GATEWAY_SMSC_PORT", Integer.toString(SMSC_PORT));
            env.put("GATEWAY_ARCHIVE_PUBLIC_KEY", publicKey.toString());
            // Small, slow steps, so that the kill finds the job half-way.
            env.put("GATEWAY_RETENTION_BATCH", "2");
            env.put("GATEWAY_RETENTION_PAUSE", "PT0.25S");
            Distribution gateway = new Distribution(work, HTTP_PORT, HTTP_PORT + 1, env);
            try {
                gateway.start("before");
                GatewayClient client = gateway.client();
                Tenants tenants = new Tenants(client);
                CreatedUser old = tenants.newSender(tenants.newCompany());
                CreatedUser young = tenants.newSender(tenants.newCompany());
                String oldSerial = client.account().activate(old.getUsername(), old.getGeneratedPassword(), null, null);
                String youngSerial = client.account().activate(young.getUsername(), young.getGeneratedPassword(), null, null);
                String handset = "+61412" + (100000 + (int) (Math.random() * 899999));
                for (int i = 0; i < OLD_MESSAGES; i++) {
                    client.messaging().sendMessage(oldSerial, List.of(handset), "Archive drill " + i, null);
                }
                client.messaging().sendMessage(youngSerial, List.of(handset), "Still young", null);
                smsc.awaitSubmitsTo(handset, OLD_MESSAGES + 1, Duration.ofSeconds(60));
                String poolNumber = "+" + smsc.submitsTo(handset).get(0).getSourceAddr();
                smsc.sendMo(handset, poolNumber, "Yes see you then".getBytes(StandardCharsets.US_ASCII), (byte) 0, false);
                try (Browser browser = new Browser(client)) {
                    browser.signIn("admin", System.getProperty("it.admin.password"));
                    Poll.until("the reply to be stored and its email queued", Duration.ofSeconds(60), () -> {
                        browser.open("/admin/operations.xhtml");
                        return Long.parseLong(browser.text("pendingMail")) >= 1;
                    });
                }
                gateway.stop();

                Expected expected = backdate(gateway.dataDir(), old.getUsername(), young.getUsername());
                assertEquals(OLD_MESSAGES, expected.archived().get("message").size(), "every old message ended (OK)");
                assertEquals(1, expected.archived().get("reply").size());

                gateway.start("killed");
                runNow(gateway.client());
                Path archive = gateway.dataDir().resolve("archive");
                Poll.until("a first archive file", Duration.ofSeconds(60), () -> !archiveFiles(archive).isEmpty());
                gateway.kill();
                try (Connection db = open(gateway.dataDir())) {
                    assertTrue(count(db, "SELECT COUNT(*) FROM archive_file WHERE state <> 'DONE'") > 0
                            || count(db, "SELECT COUNT(*) FROM sms_message WHERE id IN (" + join(expected.archived().get("message")) + ")") > 0,
                            "the kill found the job half-way (else the drill proves nothing: slow it down)");
                }

                gateway.start("after");
                runNow(gateway.client());
                try (Browser browser = new Browser(gateway.client())) {
                    browser.signIn("admin", System.getProperty("it.admin.password"));
                    Poll.until("the second run to finish", Duration.ofMinutes(2), () -> {
                        browser.open("/admin/operations.xhtml");
                        List<String> newest = browser.texts(By.cssSelector("[id='retention:runs_data'] tr:first-child td"));
                        return browser.texts(By.cssSelector("[id='retention:runs_data'] tr")).size() == 2
                                && !newest.get(2).startsWith("running");
                    });
                    assertEquals("", browser.texts(By.cssSelector("[id='retention:runs_data'] tr:first-child td")).get(7),
                            "the second run ended without an error");
                }
                String health = gateway.client().get(gateway.client().http("/health/ready")).body();
                assertTrue(health.matches("(?s).*\"archive\"\\s*:\\s*\"on\".*"), health);
                String metrics = gateway.client().get(gateway.client().http("/metrics")).body();
                assertTrue(metrics.matches("(?s).*gateway_retention_archived_rows\\{[^}]*\\} [1-9].*"),
                        "this node's run archived rows: " + metrics);
                gateway.stop();

                Map<String, List<Long>> inArchive = new HashMap<>();
                for (Path file : archiveFiles(archive)) {
                    String[] lines = operator.decrypt(file).split("\n");
                    assertEquals("archive", json(lines[0]).getString("type"));
                    for (int i = 1; i < lines.length; i++) {
                        JsonObject record = json(lines[i]);
                        inArchive.computeIfAbsent(record.getString("type"), k -> new ArrayList<>())
                                .add(record.getJsonNumber("id").longValue());
                        if (record.getString("type").equals("message")) {
                            assertTrue(record.getString("text").startsWith("Archive drill "), record.toString());
                        }
                        if (record.getString("type").equals("reply")) {
                            assertEquals("Yes see you then", record.getString("text"));
                        }
                    }
                }
                for (String kind : List.of("message", "reply", "login")) {
                    List<Long> found = inArchive.getOrDefault(kind, List.of()).stream().sorted().toList();
                    assertEquals(List.copyOf(expected.archived().get(kind)), found, kind + ": each once, none lost");
                }
                try (Connection db = open(gateway.dataDir())) {
                    assertEquals(0, count(db, "SELECT COUNT(*) FROM archive_file WHERE state <> 'DONE'"));
                    assertEquals(0, count(db, "SELECT COUNT(*) FROM sms_message WHERE id IN (" + join(expected.archived().get("message")) + ")"));
                    assertEquals(0, count(db, "SELECT COUNT(*) FROM sms_reply WHERE id IN (" + join(expected.archived().get("reply")) + ")"));
                    assertEquals(0, count(db, "SELECT COUNT(*) FROM login_attempt WHERE id IN (" + join(expected.archived().get("login")) + ")"));
                    assertEquals(expected.young().size(), count(db, "SELECT COUNT(*) FROM sms_message WHERE id IN (" + join(expected.young()) + ")"),
                            "the younger company's messages are untouched");
                }
            } finally {
                gateway.kill();
            }
        }
    }

    private record Expected(Map<String, TreeSet<Long>> archived, TreeSet<Long> young) {
    }

    /** Moves the old company's rows back in time, in the stopped gateway's database; what should be archived. */
    private static Expected backdate(Path dataDir, String oldUser, String youngUser) throws SQLException {
        try (Connection db = open(dataDir)) {
            long oldCompany = id(db, "SELECT company_id FROM gateway_user WHERE username = ?", oldUser);
            long oldUserId = id(db, "SELECT id FROM gateway_user WHERE username = ?", oldUser);
            long youngCompany = id(db, "SELECT company_id FROM gateway_user WHERE username = ?", youngUser);
            update(db, "UPDATE sms_message SET created_at = created_at - INTERVAL '100' DAY WHERE company_id = ? AND MOD(id, 2) = 0", oldCompany);
            update(db, "UPDATE sms_message SET created_at = created_at - INTERVAL '101' DAY WHERE company_id = ? AND MOD(id, 2) = 1", oldCompany);
            update(db, "UPDATE sms_reply SET received_at = received_at - INTERVAL '100' DAY WHERE user_id = ?", oldUserId);
            update(db, "UPDATE login_attempt SET attempted_at = attempted_at - INTERVAL '400' DAY WHERE username = ?", oldUser);
            Map<String, TreeSet<Long>> archived = new HashMap<>();
            archived.put("message", ids(db, "SELECT id FROM sms_message WHERE company_id = ? AND status IN ('OK', 'DELIVERED')", oldCompany));
            archived.put("reply", ids(db, "SELECT id FROM sms_reply WHERE user_id = ?", oldUserId));
            archived.put("login", ids(db, "SELECT id FROM login_attempt WHERE username = ?", oldUser));
            return new Expected(archived, ids(db, "SELECT id FROM sms_message WHERE company_id = ?", youngCompany));
        }
    }

    private static void runNow(GatewayClient client) {
        try (Browser browser = new Browser(client)) {
            browser.signIn("admin", System.getProperty("it.admin.password"));
            browser.open("/admin/operations.xhtml");
            browser.click("retention:runNow");
            browser.waitForText("The retention job has started on this node");
        }
    }

    private static List<Path> archiveFiles(Path archive) throws java.io.IOException {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(archive)) {
            return walk.filter(p -> p.toString().endsWith(".jsonl.gpg")).toList();
        }
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    private static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db").resolve("gateway"), "gateway", "gateway");
    }

    private static long id(Connection db, String sql, Object parameter) throws SQLException {
        return ids(db, sql, parameter).first();
    }

    private static TreeSet<Long> ids(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, parameter);
            TreeSet<Long> ids = new TreeSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void update(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setObject(1, parameter);
            update.executeUpdate();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String join(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? "-1" : String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
