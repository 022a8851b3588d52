package org.emailsms.gateway.retention.control;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long rows stay online and where their archive goes (MicroProfile Config, see the README).
 * Periods are ISO-8601: {@code P3M} (months), {@code P12M}, or a duration such as {@code PT10M}.
 */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "gateway.retention.period", defaultValue = "P3M")
    String period;

    @Inject
    @ConfigProperty(name = "gateway.retention.audit-period", defaultValue = "P12M")
    String auditPeriod;

    /** How long the reports' daily totals are kept. */
    @Inject
    @ConfigProperty(name = "gateway.retention.totals-period", defaultValue = "P7Y")
    String totalsPeriod;

    /** The operator's OpenPGP public key; without it nothing is archived, so nothing is deleted. */
    @Inject
    @ConfigProperty(name = "gateway.archive.public-key")
    Optional<String> publicKey;

    /** Which key of the file to encrypt to, when it holds several that could. */
    @Inject
    @ConfigProperty(name = "gateway.archive.key-fingerprint")
    Optional<String> keyFingerprint;

    @Inject
    @ConfigProperty(name = "gateway.archive.dir")
    Optional<String> archiveDir;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    /** The time of day (the server's time zone) the job runs. */
    @Inject
    @ConfigProperty(name = "gateway.retention.run-at", defaultValue = "02:30")
    String runAt;

    /** Rows per transaction, so that the job never holds locks for long. */
    @Inject
    @ConfigProperty(name = "gateway.retention.batch", defaultValue = "500")
    int batch;

    /** Between two of its transactions, so that a large backlog does not compete with sending. */
    @Inject
    @ConfigProperty(name = "gateway.retention.pause", defaultValue = "PT0.05S")
    Duration pause;

    private Age messageAge;
    private Age auditAge;
    private Age totalsAge;

    @PostConstruct
    void init() {
        messageAge = Age.parse("gateway.retention.period", period);
        auditAge = Age.parse("gateway.retention.audit-period", auditPeriod);
        totalsAge = Age.parse("gateway.retention.totals-period", totalsPeriod);
    }

    /** Outside the container: for tests and tools. */
    public static RetentionSettings of(String period, String auditPeriod, Path publicKey, Path archiveDir, int batch,
            Duration pause) {
        RetentionSettings settings = new RetentionSettings();
        settings.period = period;
        settings.auditPeriod = auditPeriod;
        settings.totalsPeriod = "P7Y";
        settings.publicKey = Optional.ofNullable(publicKey).map(Path::toString);
        settings.keyFingerprint = Optional.empty();
        settings.archiveDir = Optional.of(archiveDir.toString());
        settings.runAt = "02:30";
        settings.batch = batch;
        settings.pause = pause;
        settings.init();
        return settings;
    }

    /** Messages, replies and stored PDUs created before this are archived, then deleted. */
    public Instant messageCutoff(Instant now) {
        return messageAge.before(now);
    }

    /** Login audit rows before this are archived, then deleted. */
    public Instant auditCutoff(Instant now) {
        return auditAge.before(now);
    }

    /** The reports' daily totals of days before this are forgotten. */
    public Instant totalsCutoff(Instant now) {
        return totalsAge.before(now);
    }

    public Optional<String> keyFingerprint() {
        return keyFingerprint.filter(f -> !f.isBlank());
    }

    public Optional<Path> publicKey() {
        return publicKey.filter(key -> !key.isBlank()).map(Path::of);
    }

    public Path archiveDir() {
        return archiveDir.filter(dir -> !dir.isBlank()).map(Path::of).orElseGet(() -> Path.of(dataDir, "archive"));
    }

    public LocalTime runAt() {
        return LocalTime.parse(runAt.strip());
    }

    public int batch() {
        return Math.max(1, batch);
    }

    public Duration pause() {
        return pause.isNegative() ? Duration.ZERO : pause;
    }

    public String describe() {
        return "messages, replies and stored PDUs after " + period + ", the login audit after " + auditPeriod
                + ", the reports' daily totals after " + totalsPeriod;
    }

    /** A period in calendar terms (months are months) or an exact duration. */
    private record Age(Period period, Duration duration) {

        static Age parse(String setting, String text) {
            String value = text.strip().toUpperCase();
            try {
                return value.contains("T") ? new Age(null, Duration.parse(value)) : new Age(Period.parse(value), null);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(setting + " must be an ISO-8601 period such as P3M or PT10M, not "
                        + text, e);
            }
        }

        Instant before(Instant now) {
            return period != null ? now.atOffset(ZoneOffset.UTC).minus(period).toInstant() : now.minus(duration);
        }
    }
}
