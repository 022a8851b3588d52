package org.emailsms.gateway.retention.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * One encrypted archive file: a company's rows of one day (UTC), and where the job stands with it.
 * Its rows are deleted from the database only once it is {@link State#WRITTEN}: on disk, synced and
 * read back.
 */
@Entity
@Table(name = "archive_file")
public class ArchiveFile extends GatewayEntity {

    public enum State {
        /** Rows are being written to it; a run that stops here leaves nothing deleted, and the file is discarded. */
        WRITING,
        /** Safely on disk; the rows it holds are being deleted from the database. */
        WRITTEN,
        DONE
    }

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "company_id")
    private Long companyId;

    @Column(name = "data_day", nullable = false)
    private LocalDate dataDay;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.WRITING;

    @Column(nullable = false)
    private int messages;

    @Column(nullable = false)
    private int replies;

    @Column(nullable = false)
    private int logins;

    @Column(nullable = false)
    private int pdus;

    @Column(nullable = false)
    private long bytes;

    @Column(length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected ArchiveFile() {
    }

    public ArchiveFile(long runId, Long companyId, LocalDate dataDay, String fileName) {
        this.runId = runId;
        this.companyId = companyId;
        this.dataDay = dataDay;
        this.fileName = fileName;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void written(int messages, int replies, int logins, int pdus, long bytes, String sha256) {
        if (state != State.WRITING) {
            throw new IllegalStateException("archive file " + fileName + " is already " + state);
        }
        this.messages = messages;
        this.replies = replies;
        this.logins = logins;
        this.pdus = pdus;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.state = State.WRITTEN;
    }

    public void done() {
        state = State.DONE;
        completedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long rows() {
        return (long) messages + replies + logins + pdus;
    }

    public long getRunId() {
        return runId;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public LocalDate getDataDay() {
        return dataDay;
    }

    public String getFileName() {
        return fileName;
    }

    public State getState() {
        return state;
    }

    public long getBytes() {
        return bytes;
    }

    public String getSha256() {
        return sha256;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
