package org.emailsms.gateway.account.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * One entry of the audit trail of administrators' actions: who, when, from which channel and
 * address, on which company (none: the provider's own objects), what was done to what, and the
 * values before and after that matter ("role: Sender → Company administrator").
 */
@Entity
@Table(name = "admin_action")
public class AdminAction extends GatewayEntity {

    private static final int SUBJECT = 300;
    private static final int DETAILS = 2000;

    @Column(name = "acted_at", nullable = false)
    private OffsetDateTime actedAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false, length = 12)
    private String channel;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @ManyToOne
    @JoinColumn(name = "company_id")
    private Company company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AdminActionKind kind;

    @Column(nullable = false, length = SUBJECT)
    private String subject;

    @Column(length = DETAILS)
    private String details;

    protected AdminAction() {
    }

    public AdminAction(OffsetDateTime actedAt, String actor, String channel, String clientIp, Company company,
            AdminActionKind kind, String subject, String details) {
        this.actedAt = actedAt;
        this.actor = actor;
        this.channel = channel;
        this.clientIp = clientIp;
        this.company = company;
        this.kind = kind;
        this.subject = cut(subject, SUBJECT);
        this.details = details == null || details.isEmpty() ? null : cut(details, DETAILS);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public OffsetDateTime getActedAt() {
        return actedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getChannel() {
        return channel;
    }

    public String getClientIp() {
        return clientIp;
    }

    public Company getCompany() {
        return company;
    }

    public AdminActionKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }
}
