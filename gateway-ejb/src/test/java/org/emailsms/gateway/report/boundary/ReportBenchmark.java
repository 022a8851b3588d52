package org.emailsms.gateway.report.boundary;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;

/**
 * The report on a company with millions of messages (an H2 file under target/): the first page,
 * a deep page by key (and the same page by OFFSET, as it was read before), and the CSV export of
 * the whole month streamed, with the heap it took. Prints figures, asserts nothing; not part of the
 * test suite (the name does not end in Test):
 * {@code mvn -pl gateway-ejb test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dreport.bench.messages=2000000}.
 */
class ReportBenchmark {

    private static final int PAGE = 50;

    @Test
    void reportOnMillionsOfMessages() throws Exception {
        int messages = Integer.getInteger("report.bench.messages", 200_000);
        Path dir = Path.of("target", "report-bench");
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db-" + UUID.randomUUID()) + ";WRITE_DELAY=0";
        try (MigratedDatabase database = new MigratedDatabase(url)) {
            User[] admin = new User[1];
            long companyId = database.inTransaction(em -> {
                Company company = new Company("Bench " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
                em.persist(company);
                admin[0] = User.companyUser(company, null, "admin-" + UUID.randomUUID(), "a@example.test", Role.COMPANY_ADMIN, "h");
                em.persist(admin[0]);
                User sender = User.companyUser(company, null, "sender-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
                em.persist(sender);
                return company.getId();
            });
            long senderId = database.inTransaction(em -> {
                return em.createQuery("SELECT u.id FROM User u WHERE u.username LIKE 'sender-%' AND u.company.id = :c", Long.class)
                        .setParameter("c", companyId).getSingleResult();
            });
            long started = System.nanoTime();
            insert(database, companyId, senderId, messages);
            System.out.printf("report bench: %,d messages inserted in %.1f s%n", messages, seconds(started));

            String actor = admin[0].getUsername();
            TransactionFilter month = new TransactionFilter(companyId, null, null, null, null, null, null);
            ReportService[] cut = new ReportService[1];
            database.inTransaction(em -> {
                cut[0] = new ReportService();
                cut[0].em = em;
                cut[0].tenancy = new Tenancy(em);
                try {
                    // Each time another deep position: H2 would otherwise answer a repeated query from its result cache.
                    for (int round = 0; round < 5; round++) {
                        int position = messages - 1_000 - 137 * round;
                        double first = millis(() -> cut[0].olderThan(actor, month, null, PAGE));
                        PageKey deep = keyAt(em.unwrap(Connection.class), companyId, position);
                        double byKey = millis(() -> cut[0].olderThan(actor, month, deep, PAGE));
                        int[] rows = new int[1];
                        double byOffset = millis(() -> rows[0] = offsetPage(em.unwrap(Connection.class), companyId,
                                position + 7));
                        System.out.printf("report bench: round %d: first page %.1f ms; page %,d by key %.1f ms, by OFFSET %.1f ms (%d rows)%n",
                                round + 1, first, position / PAGE, byKey, byOffset, rows[0]);
                    }
                    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                    System.gc();
                    long before = memory.getHeapMemoryUsage().getUsed();
                    AtomicLong peak = new AtomicLong(before);
                    AtomicBoolean exporting = new AtomicBoolean(true);
                    Thread sampler = new Thread(() -> {
                        while (exporting.get()) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    sampler.setDaemon(true);
                    sampler.start();
                    CountingWriter out = new CountingWriter();
                    long exportStart = System.nanoTime();
                    cut[0].exportTransactions(actor, month, out);
                    double exportSeconds = seconds(exportStart);
                    exporting.set(false);
                    sampler.join();
                    System.out.printf("report bench: export of %,d rows (%,d MB of CSV) in %.1f s (%,.0f rows/s); heap %,d MB before, %,d MB at most during%n",
                            messages, out.chars / 1_000_000, exportSeconds, messages / exportSeconds,
                            before / 1_000_000, peak.get() / 1_000_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** In batches, spread over the last 30 days, newest ids newest. */
    private static void insert(MigratedDatabase database, long companyId, long senderId, int messages) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        long stepMillis = Math.max(1, 30L * 24 * 3600 * 1000 / messages);
        byte[] content = new byte[40];
        for (int done = 0; done < messages; ) {
            int first = done;
            int batch = Math.min(10_000, messages - done);
            database.inTransaction(em -> {
                try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement("""
                        INSERT INTO sms_message (id, user_id, company_id, destination, sender_number, content, data_coding,
                        segments, status, attempts, delivery_confirmation, created_at, version, source)
                        VALUES (?, ?, ?, ?, '+61491570156', ?, 0, 1, 'DELIVERED', 1, FALSE, ?, 0, 'ADD_IN')""")) {
                    for (int i = first; i < first + batch; i++) {
                        insert.setLong(1, 10_000_000L + i);
                        insert.setLong(2, senderId);
                        insert.setLong(3, companyId);
                        insert.setString(4, "+614" + (10_000_000 + i % 90_000_000));
                        insert.setBytes(5, content);
                        insert.setObject(6, start.plusNanos(stepMillis * 1_000_000L * i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            done += batch;
        }
    }

    private static PageKey keyAt(Connection connection, long companyId, int offset) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT created_at, id FROM sms_message"
                + " WHERE company_id = ? ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            select.setLong(1, companyId);
            select.setInt(2, offset);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new PageKey(rs.getObject(1, OffsetDateTime.class), rs.getLong(2));
            }
        }
    }

    private static int offsetPage(Connection connection, long companyId, int offset) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT m.id, m.created_at, u.username, d.name, m.destination, m.contact_name, m.segments, m.status,
                       m.attempts, m.last_error, m.source FROM sms_message m JOIN gateway_user u ON u.id = m.user_id
                LEFT JOIN department d ON d.id = m.department_id WHERE m.company_id = ?
                ORDER BY m.created_at DESC, m.id DESC OFFSET ? ROWS FETCH NEXT 50 ROWS ONLY""")) {
            select.setLong(1, companyId);
            select.setInt(2, offset);
            int rows = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static double millis(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
