package org.emailsms.gateway.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.LoginOutcome;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.inbound.entity.SmsReply;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.retention.control.RetentionRunner.LeaseTakenException;
import org.emailsms.gateway.retention.control.RetentionRunner.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention job against the migrated schema: rows past their period are in archive files that
 * the operator's private key opens, exactly once, and gone from the database; younger rows and
 * messages still on their way stay; a run that stops half-way and runs again loses nothing and
 * archives nothing twice; a second node keeps out while one runs.
 */
class RetentionRunnerTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String NODE = "node-a";

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @TempDir
    Path work;

    private ArchiveKeys operator;
    private Path archive;
    private final Map<String, Set<Long>> expected = new HashMap<>();
    private final Map<String, Set<Long>> kept = new HashMap<>();
    private long runs;

    @BeforeEach
    void keys() throws Exception {
        operator = ArchiveKeys.generate(work);
        archive = work.resolve("archive");
    }

    @Test
    void rowsPastTheirPeriodAreArchivedOnceThenDeletedAndYoungerRowsStay() throws Exception {
        Scenario scenario = scenario();

        runner(tx(), 2).run(NOW);

        Map<String, List<JsonObject>> archived = readArchive();
        assertEquals(expected, ids(archived), "each row past its period in the archive, once");
        assertEquals(Set.of(), intersection(remaining(), expected), "and none of them left in the database");
        for (Map.Entry<String, Set<Long>> kind : kept.entrySet()) {
            assertTrue(remaining().get(kind.getKey()).containsAll(kind.getValue()), kind.getKey() + " kept");
        }
        JsonObject message = archived.get("message").stream()
                .filter(m -> m.getJsonNumber("id").longValue() == scenario.twoParts()).findFirst().orElseThrow();
        assertEquals("Two parts, in clear inside the encryption", message.getString("text"));
        assertEquals(scenario.sender(), message.getString("user"));
        assertEquals(2, message.getJsonArray("parts").size());
        assertEquals("DELIVERED", message.getString("status"));
        assertEquals(List.of(scenario.reply()), message.getJsonArray("replies").getValuesAs(
                v -> ((jakarta.json.JsonNumber) v).longValue()), "the reply that answered it");
        JsonObject reply = archived.get("reply").stream()
                .filter(r -> r.getJsonNumber("id").longValue() == scenario.reply()).findFirst().orElseThrow();
        assertEquals("Yes, see you then", reply.getString("text"));
        assertEquals(List.of(4L, 1L), database.inTransaction(em -> {
            return List.of(((Number) em.createNativeQuery(
                    "SELECT SUM(messages) FROM daily_total WHERE status <> 'REPLY'").getSingleResult()).longValue(),
                    ((Number) em.createNativeQuery(
                    "SELECT SUM(messages) FROM daily_total WHERE status = 'REPLY'").getSingleResult()).longValue());
        }), "the reports still count the archived messages and the reply to one of them (not the unrouted one)");
        assertEquals(List.of("PENDING"), mailLeft(), "sent emails past the period deleted, the pending one kept");
        ArchiveKeys stranger = ArchiveKeys.generate(Files.createDirectories(work.resolve("stranger-keys")), "stranger.asc",
                false, new java.util.Date(), 0);
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("Two parts") || raw.contains("see you then"), "no text in clear in " + file);
                assertThrows(Exception.class, () -> stranger.open(file), "another key opens nothing: " + file);
            }
        }
        assertTrue(database.inTransaction(em -> {
            return em.createNativeQuery("SELECT COUNT(*) FROM archive_file WHERE state <> 'DONE'").getSingleResult();
        }).toString().equals("0"));
        try (Stream<Path> files = Files.walk(archive)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> archive.relativize(p).toString()).toList();
            assertTrue(names.contains("company-" + scenario.acme() + "/2026-08/company-" + scenario.acme()
                    + "_2026-08-25_run" + 1 + ".jsonl.gpg"), "a company's month in one folder: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), names.toString());
        }
    }

    @Test
    void aRunThatStopsHalfWayIsFinishedByTheNextWithNothingLostOrTwice() throws Exception {
        scenario();
        // Each run dies at its n-th transaction, one step further each time: with a file half written,
        // written but not yet recorded, recorded with its rows half deleted, while taking the lease...
        for (int n = 6; n <= 45; n++) {
            int failAt = n;
            AtomicInteger calls = new AtomicInteger();
            Transactions dying = new Transactions() {
                @Override
                public <T> T inNew(Function<EntityManager, T> work) {
                    if (calls.incrementAndGet() >= failAt) {
                        throw new IllegalStateException("the node died");
                    }
                    return tx().inNew(work);
                }
            };
            try {
                runner(dying, 1).run(NOW);
            } catch (IllegalStateException died) {
                // as a kill would stop it, but for the lease, which the same node takes again at once
            }
        }

        runner(tx(), 1).run(NOW);

        Map<String, List<JsonObject>> archived = readArchive();
        Map<String, List<Long>> all = new HashMap<>();
        archived.forEach((kind, records) -> all.put(kind,
                records.stream().map(r -> r.getJsonNumber("id").longValue()).sorted().toList()));
        for (Map.Entry<String, Set<Long>> kind : expected.entrySet()) {
            assertEquals(List.copyOf(new TreeSet<>(kind.getValue())), all.get(kind.getKey()),
                    kind.getKey() + ": every one archived, none twice");
        }
        assertEquals(Set.of(), intersection(remaining(), expected));
    }

    @Test
    void aSecondNodeKeepsOutWhileTheLeaseIsHeld() throws Exception {
        scenario();
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE retention_lease SET holder = 'node-b', lease_until = ?1")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1)).executeUpdate();
        });

        assertThrows(LeaseTakenException.class, () -> runner(tx(), 10).run(NOW));

        assertFalse(Files.exists(archive), "nothing written");
        assertTrue(remaining().get("message").containsAll(expected.get("message")), "nothing deleted");
    }

    private record Scenario(long acme, String sender, long twoParts, long reply) {
    }

    /**
     * Acme: messages 100 and 101 days old (archived), one 100 days old still pending and one 10 days
     * old (kept); a reply to one of them; login audit rows 400 days old (archived) and 100 days old
     * (kept: the audit has 12 months). Globex: one old message. The gateway's own: an unrouted reply
     * and an unknown username's sign-in.
     */
    private Scenario scenario() {
        return database.inTransaction(em -> {
            Company acme = company(em, "Acme");
            Company globex = company(em, "Globex");
            User sender = User.companyUser(acme, null, "alice-" + UUID.randomUUID(), "alice@example.test", Role.SENDER, "h");
            User other = User.companyUser(globex, null, "bob-" + UUID.randomUUID(), "bob@example.test", Role.SENDER, "h");
            em.persist(sender);
            em.persist(other);
            long twoParts = message(em, sender, "Two parts, in clear inside the encryption", 2, "DELIVERED", 100, true);
            message(em, sender, "Hello", 1, "OK", 100, true);
            message(em, sender, "Not sent", 1, "ABORT", 101, true);
            message(em, sender, "Still on its way", 1, "PENDING", 100, false);
            message(em, sender, "Recent", 1, "DELIVERED", 10, false);
            message(em, other, "Globex's", 1, "UNDELIVERED", 100, true);
            long reply = reply(em, sender, em.find(SmsMessage.class, twoParts), "Yes, see you then", 99, true);
            reply(em, null, null, "Who is this?", 100, true);
            reply(em, sender, null, "Recent reply", 5, false);
            login(em, sender.getUsername(), 400, true);
            login(em, sender.getUsername(), 100, false);
            login(em, "nobody-" + UUID.randomUUID(), 400, true);
            mail(em, 100, true);
            mail(em, 100, false);
            return new Scenario(acme.getId(), sender.getUsername(), twoParts, reply);
        });
    }

    private static Company company(EntityManager em, String name) {
        Company company = new Company(name + " " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
        em.persist(company);
        return company;
    }

    private long message(EntityManager em, User sender, String text, int parts, String status, int daysOld,
            boolean archived) {
        SmsMessage message = new SmsMessage(sender, "+61412345678", "+61491570156", CIPHER.encrypt(text), 0, parts,
                false, null);
        em.persist(message);
        em.flush();
        em.createNativeQuery("UPDATE sms_message SET status = ?1, created_at = ?2 WHERE id = ?3")
                .setParameter(1, status).setParameter(2, daysAgo(daysOld)).setParameter(3, message.getId())
                .executeUpdate();
        em.createNativeQuery("UPDATE sms_part SET delivery_state = 'DELIVERED', reported_at = ?1 WHERE message_id = ?2")
                .setParameter(1, daysAgo(daysOld)).setParameter(2, message.getId()).executeUpdate();
        (archived ? expected : kept).computeIfAbsent("message", k -> new TreeSet<>()).add(message.getId());
        return message.getId();
    }

    private long reply(EntityManager em, User user, SmsMessage answered, String text, int daysOld, boolean archived) {
        SmsReply reply = new SmsReply("+61412345678", "+61491570156", user, answered, CIPHER.encrypt(text), 1, null);
        em.persist(reply);
        em.flush();
        em.createNativeQuery("UPDATE sms_reply SET received_at = ?1 WHERE id = ?2")
                .setParameter(1, daysAgo(daysOld)).setParameter(2, reply.getId()).executeUpdate();
        (archived ? expected : kept).computeIfAbsent("reply", k -> new TreeSet<>()).add(reply.getId());
        return reply.getId();
    }

    private void login(EntityManager em, String username, int daysOld, boolean archived) {
        LoginAttempt attempt = new LoginAttempt(username, "192.0.2.7", LoginChannel.SOAP, LoginOutcome.SUCCESS);
        em.persist(attempt);
        em.flush();
        em.createNativeQuery("UPDATE login_attempt SET attempted_at = ?1 WHERE id = ?2")
                .setParameter(1, daysAgo(daysOld)).setParameter(2, attempt.getId()).executeUpdate();
        (archived ? expected : kept).computeIfAbsent("login", k -> new TreeSet<>()).add(attempt.getId());
    }

    private void mail(EntityManager em, int daysOld, boolean sent) {
        OutgoingMail mail = new OutgoingMail("alice@example.test", sent ? "sent" : "pending", CIPHER.encrypt("body"), null);
        if (sent) {
            mail.sent(NOW.minus(Duration.ofDays(daysOld)));
        }
        em.persist(mail);
        em.flush();
        em.createNativeQuery("UPDATE mail_outbox SET created_at = ?1 WHERE id = ?2")
                .setParameter(1, daysAgo(daysOld)).setParameter(2, mail.getId()).executeUpdate();
    }

    private static OffsetDateTime daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private RetentionRunner runner(Transactions transactions, int batch) {
        RetentionSettings settings = RetentionSettings.of("P3M", "P12M", operator.publicKeyFile(), archive, batch,
                Duration.ZERO);
        return new RetentionRunner(transactions, settings, ArchiveKey.read(operator.publicKeyFile()), CIPHER, NODE,
                ++runs);
    }

    private Transactions tx() {
        return new Transactions() {
            @Override
            public <T> T inNew(Function<EntityManager, T> work) {
                return database.inTransaction(work);
            }
        };
    }

    /** Every record of every file, by type, each file opened with the operator's private key. */
    private Map<String, List<JsonObject>> readArchive() throws Exception {
        Map<String, List<JsonObject>> records = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            assertTrue(file.toString().endsWith(".jsonl.gpg"), "no partial file left: " + file);
            List<JsonObject> lines = lines(operator.open(file));
            assertEquals("archive", lines.get(0).getString("type"), "each file starts with its header");
            for (JsonObject record : lines.subList(1, lines.size())) {
                records.computeIfAbsent(record.getString("type"), k -> new ArrayList<>()).add(record);
            }
        }
        return records;
    }

    private static List<JsonObject> lines(String text) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.createReader(new StringReader(line)).readObject());
            }
        }
        return lines;
    }

    private static Map<String, Set<Long>> ids(Map<String, List<JsonObject>> records) {
        Map<String, Set<Long>> ids = new HashMap<>();
        records.forEach((kind, list) -> ids.put(kind,
                list.stream().map(r -> r.getJsonNumber("id").longValue()).collect(Collectors.toCollection(TreeSet::new))));
        return ids;
    }

    private Map<String, Set<Long>> remaining() {
        return database.inTransaction(em -> {
            Map<String, Set<Long>> rows = new HashMap<>();
            rows.put("message", idsOf(em, "SELECT id FROM sms_message"));
            rows.put("reply", idsOf(em, "SELECT id FROM sms_reply"));
            rows.put("login", idsOf(em, "SELECT id FROM login_attempt"));
            return rows;
        });
    }

    private static Set<Long> idsOf(EntityManager em, String sql) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(sql).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<String> mailLeft() {
        return database.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<Object> statuses = em.createNativeQuery("SELECT status FROM mail_outbox").getResultList();
            return statuses.stream().map(Object::toString).toList();
        });
    }

    private static Set<Long> intersection(Map<String, Set<Long>> a, Map<String, Set<Long>> b) {
        Set<Long> both = new TreeSet<>();
        a.forEach((kind, ids) -> ids.stream().filter(id -> b.getOrDefault(kind, Set.of()).contains(id)).forEach(both::add));
        return both;
    }
}
