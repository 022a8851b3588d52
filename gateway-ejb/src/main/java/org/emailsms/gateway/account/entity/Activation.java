package org.emailsms.gateway.account.entity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * One activated add-in: the serial number it was given identifies the user in every later call.
 * Only a keyed hash of the serial is kept, so a copy of the database does not hand out working
 * serials; rows of earlier versions hold a plain SHA-256 ({@code keyed} false) until their next use.
 */
@Entity
@Table(name = "activation")
@NamedQuery(name = "Activation.findBySerialHash",
        query = "SELECT a FROM Activation a WHERE a.serialHash = :serialHash AND a.keyed = :keyed")
@NamedQuery(name = "Activation.revokeAllOfUser",
        query = "UPDATE Activation a SET a.revokedAt = :now WHERE a.user = :user AND a.revokedAt IS NULL")
@NamedQuery(name = "Activation.licenceAcceptances", query = """
        SELECT a FROM Activation a JOIN FETCH a.user u WHERE u.company = :company AND a.licenceVersion IS NOT NULL
        ORDER BY a.createdAt DESC, a.id DESC""")
public class Activation extends GatewayEntity {

    /** Last-use times coarser than this are good enough and spare a write on every request. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "serial_hash", nullable = false, length = 64)
    private String serialHash;

    @Column(nullable = false)
    private boolean keyed;

    @Column(name = "client_info", length = 255)
    private String clientInfo;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    /** The licence version the client accepted when activating; null when it did not say. */
    @Column(name = "licence_version", length = 64)
    private String licenceVersion;

    protected Activation() {
    }

    public Activation(User user, String serialHash, String clientInfo, String clientIp, String licenceVersion) {
        this.licenceVersion = licenceVersion;
        this.user = user;
        this.serialHash = serialHash;
        this.keyed = true;
        this.clientInfo = clientInfo;
        this.clientIp = clientIp;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.lastUsedAt = createdAt;
    }

    public String getLicenceVersion() {
        return licenceVersion;
    }

    public String getClientIp() {
        return clientIp;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    /** Replaces a plain hash of an earlier version by the keyed one, once the serial has been shown. */
    public void rekey(String keyedHash) {
        this.serialHash = keyedHash;
        this.keyed = true;
    }

    /** Not used for longer than {@code maxIdle}: it no longer works, as if revoked. */
    /** Older than {@code maxAge} since it was activated, however often it was used. */
    public boolean isOlderThan(Duration maxAge, OffsetDateTime now) {
        return createdAt.plus(maxAge).isBefore(now);
    }

    public boolean isIdleLongerThan(Duration maxIdle, OffsetDateTime now) {
        OffsetDateTime lastUse = lastUsedAt != null ? lastUsedAt : createdAt;
        return lastUse.plus(maxIdle).isBefore(now);
    }

    /** Records a use; returns whether the stored time changed. */
    public boolean markUsed(OffsetDateTime now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USE_RESOLUTION).isBefore(now)) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public String getSerialHash() {
        return serialHash;
    }

    public User getUser() {
        return user;
    }

    public String getClientInfo() {
        return clientInfo;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
