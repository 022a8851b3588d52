package org.emailsms.gateway.retention.boundary;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.NodeName;
import org.emailsms.gateway.retention.control.ArchiveKey;
import org.emailsms.gateway.retention.control.RetentionRunner.LeaseTakenException;
import org.emailsms.gateway.retention.control.RetentionRunner.Progress;
import org.emailsms.gateway.retention.control.RetentionRunner;
import org.emailsms.gateway.retention.control.RetentionSettings;
import org.emailsms.gateway.retention.entity.RetentionRun;

/**
 * The daily retention job (at {@code gateway.retention.run-at}, the server's time) and its "run
 * now": archives what has passed its period, then deletes it (see {@link RetentionRunner}). Without
 * an archive key it does nothing at all: the gateway keeps everything and says so at start, in
 * {@code /health} and on the Operations page. On several nodes each arms the timer; a lease in the
 * database lets one run at a time, and a run that stopped half-way is finished by the next.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ProviderRole providerRole;

    @Inject
    RetentionSettings settings;

    @Inject
    ContentCipher cipher;

    @Inject
    NodeName node;

    @EJB
    RetentionTransactions transactions;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong archivedRows = new AtomicLong();
    private final AtomicLong deletedRows = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile ArchiveKey key;
    private volatile String keyProblem;

    /** For the Operations page. */
    public record Status(boolean archiving, String archive, Path directory, String periods, Instant nextRun,
            boolean running, List<RetentionRun> lastRuns) {
    }

    @PostConstruct
    void arm() {
        Optional<Path> keyFile = settings.publicKey();
        if (keyFile.isEmpty()) {
            keyProblem = "no archive key (gateway.archive.public-key): everything is kept, nothing is archived or deleted";
            LOG.warning(() -> "Retention: " + keyProblem);
        } else {
            try {
                key = ArchiveKey.read(keyFile.get(), settings.keyFingerprint(), Instant.now());
                LOG.info(() -> "Retention: " + settings.describe() + " are archived to " + settings.archiveDir()
                        + ", encrypted to the OpenPGP key " + key.fingerprint() + ", then deleted");
            } catch (IllegalStateException e) {
                keyProblem = e.getMessage() + ": everything is kept, nothing is archived or deleted";
                LOG.severe(() -> "Retention: " + keyProblem);
            }
        }
        LocalTime at = settings.runAt();
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0),
                new TimerConfig("retention-daily", false));
    }

    /** Starts a run on this node in the background; false when there is no archive key or one is running here. */
    public boolean runNow(String actorName) throws NotAuthorizedException {
        providerRole.require(actorName);
        if (key == null || running.get()) {
            return false;
        }
        timers.createSingleActionTimer(1, new TimerConfig("retention-now", false));
        return true;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (key == null || !running.compareAndSet(false, true)) {
            return;
        }
        if (!key.isUsableAt(Instant.now())) {
            keyProblem = "the archive key " + key.fingerprint() + " expired at " + key.expiresAt()
                    + ": everything is kept, nothing is archived or deleted until a valid key is configured";
            LOG.severe(() -> "Retention: " + keyProblem);
            key = null;
            running.set(false);
            return;
        }
        try {
            runOnce();
        } finally {
            running.set(false);
        }
    }

    private void runOnce() {
        RetentionRun run = transactions.inNew(em -> {
            RetentionRun started = new RetentionRun(node.get());
            em.persist(started);
            return started;
        });
        RetentionRunner runner = new RetentionRunner(transactions, settings, key, cipher, node.get(), run.getId());
        String error = null;
        try {
            Progress done = runner.run(Instant.now());
            LOG.info(() -> "Retention: archived " + done.archivedRows() + " rows in " + done.files() + " files ("
                    + done.bytes() + " bytes), deleted " + done.deletedRows() + " rows");
        } catch (LeaseTakenException e) {
            error = e.getMessage();
            LOG.info(() -> "Retention: " + e.getMessage());
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            failures.incrementAndGet();
            LOG.log(Level.SEVERE, "Retention: the run stopped; the next run finishes what it left", e);
        }
        Progress progress = runner.progress();
        archivedRows.addAndGet(progress.archivedRows());
        deletedRows.addAndGet(progress.deletedRows());
        String finalError = error;
        transactions.inNew(em -> {
            em.find(RetentionRun.class, run.getId()).finished(progress.archivedRows(), progress.deletedRows(),
                    progress.files(), progress.bytes(), finalError);
            return null;
        });
    }

    public Status status(int runs) {
        Instant next = timers.getTimers().stream().filter(t -> "retention-daily".equals(t.getInfo()))
                .map(t -> t.getNextTimeout().toInstant()).findFirst().orElse(null);
        List<RetentionRun> last = transactions.inNew(em -> em.createQuery(
                "SELECT r FROM RetentionRun r ORDER BY r.startedAt DESC, r.id DESC", RetentionRun.class)
                .setMaxResults(runs).getResultList());
        String archive = key != null ? "encrypted to the OpenPGP key " + key.fingerprint() + " (" + key.file() + ")"
                : keyProblem;
        return new Status(key != null, archive, settings.archiveDir(), settings.describe(), next, running.get(), last);
    }

    /** For /health: whether anything is archived and deleted, and if not why. */
    public String archiveState() {
        return key != null ? "archiving " + settings.describe() : keyProblem;
    }

    public boolean archiving() {
        return key != null;
    }

    public long archivedRows() {
        return archivedRows.get();
    }

    public long deletedRows() {
        return deletedRows.get();
    }

    public long failures() {
        return failures.get();
    }
}
