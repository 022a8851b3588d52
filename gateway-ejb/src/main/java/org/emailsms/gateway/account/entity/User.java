package org.emailsms.gateway.account.entity;

import java.time.Duration;
import java.time.Instant;
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

/**
 * A person who signs in: a sender using an add-in, or an administrator. Deleted users stay as rows
 * (marked deleted) so that reports keep their history.
 */
@Entity
@Table(name = "gateway_user")
@NamedQuery(name = "User.findByUsername",
        query = "SELECT u FROM User u WHERE u.username = :username AND u.deletedAt IS NULL")
// A sender with its company and department in one statement: every sendMessage needs all three.
@NamedQuery(name = "User.withOrganisation", query = """
        SELECT u FROM User u LEFT JOIN FETCH u.company LEFT JOIN FETCH u.department WHERE u.id = :id""")
@NamedQuery(name = "User.findAnyByUsername", query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = "User.findByCompany", query = """
        SELECT u FROM User u WHERE u.company = :company AND u.deletedAt IS NULL ORDER BY u.username""")
@NamedQuery(name = "User.countInDepartment",
        query = "SELECT COUNT(u) FROM User u WHERE u.department = :department AND u.deletedAt IS NULL")
@NamedQuery(name = "User.findByRole",
        query = "SELECT u FROM User u WHERE u.role = :role AND u.deletedAt IS NULL ORDER BY u.username")
@NamedQuery(name = "User.countByRole", query = "SELECT COUNT(u) FROM User u WHERE u.role = :role AND u.deletedAt IS NULL")
// A password check is reserved by one conditional UPDATE (counted as a failure until the password
// proves right), so concurrent attempts on several nodes can never check more than the limit allows.
@NamedQuery(name = "User.reservePasswordCheck", query = """
        UPDATE User u SET
          u.failedAttempts = CASE WHEN u.failureWindowStart IS NULL OR u.failureWindowStart < :windowStart
                                  THEN 1 ELSE u.failedAttempts + 1 END,
          u.failureWindowStart = CASE WHEN u.failureWindowStart IS NULL OR u.failureWindowStart < :windowStart
                                      THEN :now ELSE u.failureWindowStart END,
          u.lockedUntil = CASE WHEN u.failureWindowStart >= :windowStart AND u.failedAttempts + 1 > :threshold
                               THEN :lockedUntil ELSE u.lockedUntil END
        WHERE u.id = :id AND (u.lockedUntil IS NULL OR u.lockedUntil <= :now)""")
@NamedQuery(name = "User.clearFailedAttempts", query = """
        UPDATE User u SET u.failedAttempts = 0, u.failureWindowStart = NULL, u.lockedUntil = NULL
        WHERE u.id = :id AND (u.failedAttempts <> 0 OR u.lockedUntil IS NOT NULL)""")
public class User extends GatewayEntity {

    @ManyToOne
    @JoinColumn(name = "company_id")
    private Company company;

    @ManyToOne
    @JoinColumn(name = "department_id")
    private Department department;

    @Column(nullable = false, length = 120)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    /** E.164, for example +61412345678; optional. */
    @Column(length = 20)
    private String mobile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status = AccountStatus.ACTIVE;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    // Written only by the bulk updates above; read here for display.
    @Column(name = "failed_attempts", nullable = false, insertable = false, updatable = false)
    private int failedAttempts;

    @Column(name = "failure_window_start", insertable = false, updatable = false)
    private OffsetDateTime failureWindowStart;

    @Column(name = "locked_until", insertable = false, updatable = false)
    private OffsetDateTime lockedUntil;

    /** Set by someone else (generated or reset): the portal asks for a new one at the next sign-in. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** When the password last changed: portal sessions signed in before then are ended. */
    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Version
    private long version;

    protected User() {
    }

    /** A provider administrator belongs to no company. */
    public static User providerAdministrator(String username, String email, String passwordHash) {
        return new User(null, null, username, email, Role.PROVIDER_ADMIN, passwordHash);
    }

    /** A provider administrator whose first password someone else chose: to be changed at first sign-in. */
    public static User providerAdministratorWithGivenPassword(String username, String email, String passwordHash) {
        User user = providerAdministrator(username, email, passwordHash);
        user.mustChangePassword = true;
        return user;
    }

    /** A company's user, optionally in one of its departments. */
    public static User companyUser(Company company, Department department, String username, String email,
                                   Role role, String passwordHash) {
        if (company == null) {
            throw new IllegalArgumentException("a company user needs a company");
        }
        if (role == Role.PROVIDER_ADMIN) {
            throw new IllegalArgumentException("a provider administrator belongs to no company");
        }
        if (department != null && !department.getCompany().sameAs(company)) {
            throw new IllegalArgumentException("the department belongs to another company");
        }
        return new User(company, department, username, email, role, passwordHash);
    }

    private User(Company company, Department department, String username, String email, Role role,
                 String passwordHash) {
        this.company = company;
        this.department = department;
        this.username = username;
        this.email = email;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Whether this user, and the company and department around it, may use the gateway. */
    public boolean isActiveWithOrganisation() {
        return status == AccountStatus.ACTIVE && deletedAt == null
                && (company == null || company.isActive())
                && (department == null || department.isActive());
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    /** Whether this user may administer the given company. */
    public boolean administers(Company other) {
        return role == Role.PROVIDER_ADMIN
                || role == Role.COMPANY_ADMIN && company != null && company.sameAs(other);
    }

    public void changeStatus(AccountStatus status) {
        this.status = status;
    }

    /**
     * A password given to the user (generated, or reset by someone else) that has not been used to
     * choose their own within {@code lifetime} of being given: it no longer opens anything.
     */
    public boolean isGivenPasswordExpired(OffsetDateTime now, Duration lifetime) {
        OffsetDateTime given = passwordChangedAt != null ? passwordChangedAt : createdAt;
        return mustChangePassword && given != null && given.plus(lifetime).isBefore(now);
    }

    /** The password was generated for the user: it opens nothing but the change to one of their own. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /**
     * A new password; {@code chosenByUser} false when someone else set it (an administrator's reset,
     * a generated one), which must then be replaced at the next sign-in to the portal.
     */
    public void changePassword(String passwordHash, boolean chosenByUser, OffsetDateTime at) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = !chosenByUser;
        this.passwordChangedAt = at;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    /** Into another department of the same company, or into none. */
    public void moveTo(Department department) {
        if (department != null && !department.getCompany().sameAs(company)) {
            throw new IllegalArgumentException("the department belongs to another company");
        }
        this.department = department;
    }

    public void changeRole(Role role) {
        if (company == null || role == Role.PROVIDER_ADMIN) {
            throw new IllegalArgumentException("only a company user's role changes, and never to provider administrator");
        }
        this.role = role;
    }

    /** Deleted users cannot sign in or send; their messages stay in the reports. */
    public void delete(OffsetDateTime at) {
        this.deletedAt = at;
        this.status = AccountStatus.DISABLED;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void changeMobile(String e164) {
        this.mobile = e164;
    }

    public Company getCompany() {
        return company;
    }

    public Department getDepartment() {
        return department;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getMobile() {
        return mobile;
    }

    public Role getRole() {
        return role;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public OffsetDateTime getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getDeletedAt() {
        return deletedAt;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }
}
