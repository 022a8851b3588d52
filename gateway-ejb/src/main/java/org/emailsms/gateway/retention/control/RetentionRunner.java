package org.emailsms.gateway.retention.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.ejb.ApplicationException;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.report.control.DailyTotals;
import org.emailsms.gateway.retention.control.ArchiveRows.Kind;
import org.emailsms.gateway.retention.control.ArchiveRows.Page;
import org.emailsms.gateway.retention.entity.ArchiveFile;
import org.emailsms.gateway.retention.entity.ArchiveFile.State;

/**
 * One run of the retention job: first finishes what an interrupted run left (a file still being
 * written is discarded, nothing of it having been deleted; a written file's rows are deleted), then,
 * company by company and day by day (UTC), writes each day's rows that have passed their period to
 * one archive file, and only once that file is safely on disk deletes exactly the rows it holds.
 * Every step is a short transaction of its own, taken under a lease that keeps other nodes out.
 */
public final class RetentionRunner {

    private static final Logger LOG = Logger.getLogger(RetentionRunner.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /** The file of the gateway's own rows (provider administrators, unknown usernames, unrouted replies). */
    private static final long GATEWAY = 0;
    static final int FORMAT_VERSION = 1;

    /** A transaction of its own for each step (REQUIRES_NEW in the container). */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNew(Function<EntityManager, T> work);
    }

    /** What one run did. */
    public record Progress(long archivedRows, long deletedRows, int files, long bytes) {
    }

    /** Another node holds the lease: this run does nothing (or stops). Passed through the container as it is. */
    @ApplicationException(rollback = true)
    public static final class LeaseTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseTakenException(String message) {
            super(message);
        }
    }

    private final Transactions transactions;
    private final RetentionSettings settings;
    private final ArchiveKey key;
    private final ContentCipher cipher;
    private final String holder;
    private final long runId;
    private long archivedRows;
    private long deletedRows;
    private int files;
    private long bytes;

    public RetentionRunner(Transactions transactions, RetentionSettings settings, ArchiveKey key, ContentCipher cipher,
            String holder, long runId) {
        this.transactions = transactions;
        this.settings = settings;
        this.key = key;
        this.cipher = cipher;
        this.holder = holder;
        this.runId = runId;
    }

    public Progress progress() {
        return new Progress(archivedRows, deletedRows, files, bytes);
    }

    /** Takes the lease (or refuses with {@link LeaseTakenException}), runs, and lets the lease go. */
    public Progress run(Instant now) {
        if (!jdbc(this::takeLease)) {
            throw new LeaseTakenException("another node is running the retention job");
        }
        try {
            finishInterrupted();
            Instant messageCutoff = settings.messageCutoff(now);
            Instant auditCutoff = settings.auditCutoff(now);
            List<Long> companies = jdbc(connection -> rows(connection).companies());
            for (long company : companies) {
                archiveCompany(company, messageCutoff, auditCutoff);
            }
            archiveCompany(GATEWAY, messageCutoff, auditCutoff);
            deleteSentMail(messageCutoff);
            LocalDate totalsCutoff = LocalDate.ofInstant(settings.totalsCutoff(now), ZoneOffset.UTC);
            deletedRows += jdbc(connection -> DailyTotals.forgetBefore(connection, totalsCutoff));
            return progress();
        } finally {
            jdbc(this::releaseLease);
        }
    }

    private void finishInterrupted() {
        List<ArchiveFile> left = transactions.inNew(em -> em.createQuery(
                "SELECT f FROM ArchiveFile f WHERE f.state <> :done ORDER BY f.id", ArchiveFile.class)
                .setParameter("done", State.DONE).getResultList());
        for (ArchiveFile file : left) {
            if (file.getState() == State.WRITING) {
                LOG.info(() -> "discarding the archive file " + file.getFileName() + " an interrupted run was writing");
                ArchiveFileWriter.discard(settings.archiveDir().resolve(file.getFileName()));
                transactions.inNew(em -> {
                    em.remove(em.find(ArchiveFile.class, file.getId()));
                    return null;
                });
            } else {
                LOG.info(() -> "deleting the rows of " + file.getFileName() + ", archived by an interrupted run");
                deleteHeld(file.getId());
            }
        }
    }

    private void archiveCompany(long company, Instant messageCutoff, Instant auditCutoff) {
        Instant from = Instant.EPOCH;
        while (true) {
            Optional<LocalDate> day = nextDay(company, from, messageCutoff, auditCutoff);
            if (day.isEmpty()) {
                return;
            }
            archiveDay(company, day.get(), messageCutoff, auditCutoff);
            from = day.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** The first day at or after {@code from} holding a row of any kind that has passed its period. */
    private Optional<LocalDate> nextDay(long company, Instant from, Instant messageCutoff, Instant auditCutoff) {
        return jdbc(connection -> {
            ArchiveRows rows = rows(connection);
            Optional<Instant> first = Optional.empty();
            for (Kind kind : Kind.values()) {
                Optional<Instant> candidate = rows.firstAfter(kind, company, from, cutoff(kind, messageCutoff, auditCutoff));
                if (candidate.isPresent() && (first.isEmpty() || candidate.get().isBefore(first.get()))) {
                    first = candidate;
                }
            }
            return first.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
        });
    }

    private void archiveDay(long company, LocalDate day, Instant messageCutoff, Instant auditCutoff) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String name = fileName(company, day);
        Path path = settings.archiveDir().resolve(name);
        ArchiveFile file = transactions.inNew(em -> {
            ArchiveFile created = new ArchiveFile(runId, company == GATEWAY ? null : company, day, name);
            em.persist(created);
            return created;
        });
        int[] counts = new int[Kind.values().length];
        try (ArchiveFileWriter writer = new ArchiveFileWriter(path, key)) {
            String companyName = company == GATEWAY ? null : jdbc(connection -> rows(connection).companyName(company));
            writer.write(Json.createObjectBuilder().add("type", "archive").add("format", FORMAT_VERSION)
                    .add("company_id", company).add("company", companyName == null ? "(gateway)" : companyName)
                    .add("day", day.toString()).add("archived_at", Instant.now().toString()).build());
            for (Kind kind : Kind.values()) {
                Instant before = min(dayEnd, cutoff(kind, messageCutoff, auditCutoff));
                if (!before.isAfter(dayStart)) {
                    continue;
                }
                long after = 0;
                while (true) {
                    long afterId = after;
                    Page page = jdbc(connection -> {
                        renewLease(connection);
                        ArchiveRows rows = rows(connection);
                        Page read = rows.page(kind, company, dayStart, before, afterId, settings.batch());
                        if (!read.ids().isEmpty()) {
                            rows.hold(file.getId(), kind, read.ids());
                        }
                        return read;
                    });
                    if (page.ids().isEmpty()) {
                        break;
                    }
                    page.records().forEach(writer::write);
                    counts[kind.ordinal()] += page.ids().size();
                    after = page.lastId();
                    pause();
                }
            }
            ArchiveFileWriter.Written written = writer.finish();
            transactions.inNew(em -> {
                em.find(ArchiveFile.class, file.getId()).written(counts[Kind.MESSAGE.ordinal()],
                        counts[Kind.REPLY.ordinal()], counts[Kind.LOGIN.ordinal()], counts[Kind.PDU.ordinal()],
                        written.bytes(), written.sha256());
                return null;
            });
            files++;
            bytes += written.bytes();
            for (int count : counts) {
                archivedRows += count;
            }
        }
        deleteHeld(file.getId());
    }

    /** Deletes, a batch at a time, the rows a written file holds; then the file is done. */
    private void deleteHeld(long fileId) {
        for (Kind kind : Kind.values()) {
            while (true) {
                int deleted = jdbc(connection -> {
                    renewLease(connection);
                    ArchiveRows rows = rows(connection);
                    List<Long> ids = rows.held(fileId, kind, settings.batch());
                    return ids.isEmpty() ? -1 : rows.delete(fileId, kind, ids);
                });
                if (deleted < 0) {
                    break;
                }
                deletedRows += deleted;
                pause();
            }
        }
        transactions.inNew(em -> {
            em.find(ArchiveFile.class, fileId).done();
            return null;
        });
    }

    private void deleteSentMail(Instant before) {
        while (true) {
            int deleted = jdbc(connection -> {
                renewLease(connection);
                return rows(connection).deleteSentMail(before, settings.batch());
            });
            deletedRows += deleted;
            if (deleted < settings.batch()) {
                return;
            }
            pause();
        }
    }

    /** {@code archive/company-42/2026-09/company-42_2026-09-01_run1234.jsonl.gpg}: a company's month in one folder. */
    private String fileName(long company, LocalDate day) {
        String owner = company == GATEWAY ? "gateway" : "company-" + company;
        return owner + "/" + MONTH.format(day) + "/" + owner + "_" + day + "_run" + runId + ".jsonl.gpg";
    }

    private static Instant cutoff(Kind kind, Instant messageCutoff, Instant auditCutoff) {
        return kind == Kind.LOGIN ? auditCutoff : messageCutoff;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean takeLease(Connection connection) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("""
                UPDATE retention_lease SET holder = ?, lease_until = ?
                WHERE name = 'retention' AND (holder IS NULL OR holder = ? OR lease_until < ?)""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            take.setString(1, holder);
            take.setObject(2, now.plus(LEASE));
            take.setString(3, holder);
            take.setObject(4, now);
            return take.executeUpdate() == 1;
        }
    }

    /** In every transaction of the run, so that the lease lasts as long as the run and no longer. */
    private void renewLease(Connection connection) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE retention_lease SET lease_until = ? WHERE name = 'retention' AND holder = ?")) {
            renew.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).plus(LEASE));
            renew.setString(2, holder);
            if (renew.executeUpdate() != 1) {
                throw new LeaseTakenException("the retention lease was taken over by another node");
            }
        }
    }

    private boolean releaseLease(Connection connection) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE retention_lease SET holder = NULL, lease_until = NULL WHERE name = 'retention' AND holder = ?")) {
            release.setString(1, holder);
            return release.executeUpdate() == 1;
        }
    }

    private void pause() {
        Duration pause = settings.pause();
        if (pause.isZero()) {
            return;
        }
        try {
            // Spreads a large backlog so that the job never competes with sending: a delay, not a wait for anything.
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the retention job was interrupted", e);
        }
    }

    private ArchiveRows rows(Connection connection) {
        return new ArchiveRows(connection, cipher);
    }

    @FunctionalInterface
    private interface JdbcWork<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T jdbc(JdbcWork<T> work) {
        return transactions.inNew(em -> {
            try {
                return work.on(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException("the retention job's database work failed: " + e.getMessage(), e);
            }
        });
    }
}
