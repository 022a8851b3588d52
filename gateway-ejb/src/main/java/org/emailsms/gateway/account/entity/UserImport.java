package org.emailsms.gateway.account.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * A bulk upload of users from a CSV file: who uploaded it, when, how many rows, and when it ended.
 * Its rows ({@link UserImportRow}) are stored before the first is created, so the upload goes on
 * after the uploader leaves the page, and on another node after this one goes away: a node works on
 * it while it holds the lease ({@code leaseToken} until {@code leaseUntil}) and renews it as it goes.
 */
@Entity
@Table(name = "user_import")
@NamedQuery(name = "UserImport.latestOfCompany", query = """
        SELECT i FROM UserImport i WHERE i.company = :company AND i.startedAt > :since
        ORDER BY i.startedAt DESC, i.id DESC""")
@NamedQuery(name = "UserImport.stalled", query = """
        SELECT i.id FROM UserImport i WHERE i.finishedAt IS NULL AND (i.leaseUntil IS NULL OR i.leaseUntil < :now)""")
@NamedQuery(name = "UserImport.claim", query = """
        UPDATE UserImport i SET i.leaseToken = :token, i.leaseUntil = :until
        WHERE i.id = :id AND i.finishedAt IS NULL
          AND (i.leaseToken = :token OR i.leaseUntil IS NULL OR i.leaseUntil < :now)""")
@NamedQuery(name = "UserImport.finish", query = """
        UPDATE UserImport i SET i.finishedAt = :now, i.leaseToken = NULL, i.leaseUntil = NULL
        WHERE i.id = :id AND i.leaseToken = :token""")
@NamedQuery(name = "UserImport.finishedBefore", query = "SELECT i.id FROM UserImport i WHERE i.finishedAt < :before")
@NamedQuery(name = "UserImport.delete", query = "DELETE FROM UserImport i WHERE i.id IN :ids")
public class UserImport extends GatewayEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private Company company;

    /** The uploading administrator's username: rows are created with that administrator's rights. */
    @Column(nullable = false)
    private String actor;

    @Column(name = "file_name")
    private String fileName;

    @Column(nullable = false)
    private int total;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "lease_token", length = 36)
    private String leaseToken;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    protected UserImport() {
    }

    public UserImport(Company company, String actor, String fileName, int total, OffsetDateTime startedAt) {
        this.company = company;
        this.actor = actor;
        this.fileName = fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
        this.total = total;
        this.startedAt = startedAt;
    }

    public Company getCompany() {
        return company;
    }

    public String getActor() {
        return actor;
    }

    public String getFileName() {
        return fileName;
    }

    public int getTotal() {
        return total;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }
}
