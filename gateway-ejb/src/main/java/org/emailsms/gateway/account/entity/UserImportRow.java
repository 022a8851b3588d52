package org.emailsms.gateway.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One data line of a bulk upload, as the file had it, and what became of it. */
@Entity
@Table(name = "user_import_row")
@NamedQuery(name = "UserImportRow.pending", query = """
        SELECT r.id FROM UserImportRow r WHERE r.userImport.id = :id AND r.state = :pending ORDER BY r.line""")
@NamedQuery(name = "UserImportRow.settle", query = """
        UPDATE UserImportRow r SET r.state = :state, r.reason = :reason WHERE r.id = :id AND r.state = :pending""")
@NamedQuery(name = "UserImportRow.count", query = """
        SELECT COUNT(r) FROM UserImportRow r WHERE r.userImport = :import AND r.state = :state""")
@NamedQuery(name = "UserImportRow.refused", query = """
        SELECT r FROM UserImportRow r WHERE r.userImport = :import AND r.state = :refused ORDER BY r.line""")
@NamedQuery(name = "UserImportRow.deleteOf", query = "DELETE FROM UserImportRow r WHERE r.userImport.id IN :ids")
public class UserImportRow extends GatewayEntity {

    /** Longer fields are cut to this to fit the table; no valid value comes near it. */
    private static final int FIELD = 1000;

    public enum State {
        PENDING, CREATED, REFUSED
    }

    @ManyToOne(optional = false)
    @JoinColumn(name = "import_id")
    private UserImport userImport;

    @Column(nullable = false)
    private long line;

    @Column(nullable = false, length = FIELD)
    private String username;

    @Column(nullable = false, length = FIELD)
    private String email;

    @Column(nullable = false, length = FIELD)
    private String department;

    @Column(nullable = false, length = FIELD)
    private String role;

    @Column(nullable = false, length = FIELD)
    private String mobile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state = State.PENDING;

    @Column(length = FIELD)
    private String reason;

    protected UserImportRow() {
    }

    public UserImportRow(UserImport userImport, long line, String username, String email, String department,
            String role, String mobile) {
        this.userImport = userImport;
        this.line = line;
        this.username = fit(username);
        this.email = fit(email);
        this.department = fit(department);
        this.role = fit(role);
        this.mobile = fit(mobile);
    }

    public static String fit(String value) {
        return value == null ? "" : value.length() <= FIELD ? value : value.substring(0, FIELD);
    }

    public UserImport getUserImport() {
        return userImport;
    }

    public long getLine() {
        return line;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDepartment() {
        return department;
    }

    public String getRole() {
        return role;
    }

    public String getMobile() {
        return mobile;
    }

    public State getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }
}
