package org.emailsms.gateway.account.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** A cost centre inside a company: users are grouped in it for quotas and reports. */
@Entity
// Not in EclipseLink's shared cache: under load a read of a cached company once waited for ever on a
// cache-key lock that no thread held (WriteLockManager.acquireLocksForClone), and every node reads
// the database's current row anyway.
@Table(name = "department")
@NamedQuery(name = "Department.findByName",
        query = "SELECT d FROM Department d WHERE d.company = :company AND LOWER(d.name) = LOWER(:name)")
public class Department extends GatewayEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private Company company;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status = AccountStatus.ACTIVE;

    /** SMS segments per day for this department; null means only the company's quota applies. */
    @Column(name = "daily_quota")
    private Integer dailyQuota;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Deleted departments stay for the reports of their messages; their name is freed. */
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Version
    private long version;

    protected Department() {
    }

    public Department(Company company, String name) {
        this.company = company;
        this.name = name;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public void changeStatus(AccountStatus status) {
        this.status = status;
    }

    public void limitDailyQuota(Integer segmentsPerDay) {
        this.dailyQuota = segmentsPerDay;
    }

    public void delete(OffsetDateTime at) {
        this.deletedAt = at;
        this.name = (name.length() > 90 ? name.substring(0, 90) : name) + " (deleted " + getId() + ")";
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Company getCompany() {
        return company;
    }

    public String getName() {
        return name;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Integer getDailyQuota() {
        return dailyQuota;
    }
}
