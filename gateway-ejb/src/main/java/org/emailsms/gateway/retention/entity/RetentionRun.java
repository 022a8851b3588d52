package org.emailsms.gateway.retention.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One run of the retention job, for the Operations page: what it archived and deleted, or why it stopped. */
@Entity
@Table(name = "retention_run")
public class RetentionRun extends GatewayEntity {

    private static final int ERROR_LENGTH = 255;

    @Column(name = "node_name", nullable = false, length = 60)
    private String nodeName;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "archived_rows", nullable = false)
    private long archivedRows;

    @Column(name = "deleted_rows", nullable = false)
    private long deletedRows;

    @Column(nullable = false)
    private int files;

    @Column(nullable = false)
    private long bytes;

    @Column(length = ERROR_LENGTH)
    private String error;

    @Version
    private long version;

    protected RetentionRun() {
    }

    public RetentionRun(String nodeName) {
        this.nodeName = nodeName;
        this.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void finished(long archivedRows, long deletedRows, int files, long bytes, String error) {
        this.archivedRows = archivedRows;
        this.deletedRows = deletedRows;
        this.files = files;
        this.bytes = bytes;
        this.error = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
        this.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getNodeName() {
        return nodeName;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public long getArchivedRows() {
        return archivedRows;
    }

    public long getDeletedRows() {
        return deletedRows;
    }

    public int getFiles() {
        return files;
    }

    public long getBytes() {
        return bytes;
    }

    public String getError() {
        return error;
    }
}
