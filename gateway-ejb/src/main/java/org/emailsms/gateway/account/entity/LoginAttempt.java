package org.emailsms.gateway.account.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One row of the login audit: every attempt, successful or not, with the client's IP address. */
@Entity
@Table(name = "login_attempt")
@NamedQuery(name = "LoginAttempt.findByUsername",
        query = "SELECT a FROM LoginAttempt a WHERE a.username = :username ORDER BY a.attemptedAt DESC, a.id DESC")
public class LoginAttempt extends GatewayEntity {

    @Column(name = "attempted_at", nullable = false)
    private OffsetDateTime attemptedAt;

    @Column(nullable = false, length = 120)
    private String username;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LoginChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private LoginOutcome outcome;

    protected LoginAttempt() {
    }

    public LoginAttempt(String username, String clientIp, LoginChannel channel, LoginOutcome outcome) {
        this.attemptedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.username = username;
        this.clientIp = clientIp;
        this.channel = channel;
        this.outcome = outcome;
    }

    public OffsetDateTime getAttemptedAt() {
        return attemptedAt;
    }

    public String getUsername() {
        return username;
    }

    public String getClientIp() {
        return clientIp;
    }

    public LoginChannel getChannel() {
        return channel;
    }

    public LoginOutcome getOutcome() {
        return outcome;
    }
}
