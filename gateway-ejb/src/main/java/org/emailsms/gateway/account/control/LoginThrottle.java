package org.emailsms.gateway.account.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.emailsms.gateway.account.control.LockoutPolicy.Limit;
import org.emailsms.gateway.platform.control.ClientAddresses;

/**
 * Reserves every password check before it is made. A reservation is one conditional UPDATE that
 * counts the attempt as failed unless the subject is blocked, so however many attempts race on
 * however many nodes, at most {@code threshold + 1} passwords of an account are checked in a window:
 * the one that goes over the threshold is checked and sets the block, every later one is refused
 * unchecked. A client address gets exactly its threshold of failures per window, then none until
 * the window ends.
 * A right password gives its reservation back. Each runs in a transaction of its own (REQUIRES_NEW)
 * so the row lock is not held while the password is hashed, and the count survives a refusal.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_SUBJECT = 200;

    @PersistenceContext
    EntityManager em;

    /** A known user's attempt, counted on the user's row. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean reserveUser(long userId, Limit limit, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return em.createNamedQuery("User.reservePasswordCheck")
                .setParameter("id", userId)
                .setParameter("now", at)
                .setParameter("windowStart", at.minus(limit.window()))
                .setParameter("threshold", limit.threshold())
                .setParameter("lockedUntil", at.plus(limit.block()))
                .executeUpdate() == 1;
    }

    /** An attempt at a username nobody has: blocked exactly as a known one would be. */
    public static String unknownName(String username) {
        return subject("name:" + username);
    }

    /** Sign-ins from a browser holding a device cookie: its failures count against it alone. */
    public static String device(String nonce) {
        return subject("device:" + nonce);
    }

    /** Sign-ins from one client address (an IPv6 one by its /64), whatever the usernames. */
    public static String client(String clientIp) {
        return subject("ip:" + ClientAddresses.countingUnit(clientIp));
    }

    /** The client's attempt was no failure after all (right password, or refused before any check). */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(String subject) {
        em.createNativeQuery("UPDATE login_throttle SET failures = failures - 1 WHERE subject = ?1 AND failures > 0")
                .setParameter(1, subject).executeUpdate();
    }

    /**
     * Reserves a check for a subject of {@code login_throttle}: 1 reserved, 0 blocked, -1 no row yet
     * (then {@link #create} it and try again).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int tryReserve(String subject, Limit limit, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("""
                        UPDATE login_throttle SET
                          failures = CASE WHEN window_start < ?1 THEN 1 ELSE failures + 1 END,
                          blocked_until = CASE WHEN window_start >= ?1 AND failures + 1 > ?2 THEN ?3 ELSE blocked_until END,
                          window_start = CASE WHEN window_start < ?1 THEN ?4 ELSE window_start END
                        WHERE subject = ?5 AND (blocked_until IS NULL OR blocked_until <= ?4)""")
                .setParameter(1, at.minus(limit.window()))
                .setParameter(2, limit.threshold())
                .setParameter(3, at.plus(limit.block()))
                .setParameter(4, at)
                .setParameter(5, subject)
                .executeUpdate();
        return updated == 1 ? 1 : exists(subject) ? 0 : -1;
    }

    private boolean exists(String subject) {
        return em.createNativeQuery("SELECT COUNT(*) FROM login_throttle WHERE subject = ?1")
                .setParameter(1, subject).getSingleResult() instanceof Number n && n.intValue() > 0;
    }

    /**
     * Reserves a failure of a client address: granted while fewer than {@code limit.threshold()}
     * are counted in the current window, so exactly that many are ever checked; refused (0) until
     * the window ends, -1 when there is no row yet.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int tryReserveWithinWindow(String subject, Limit limit, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = em.createNativeQuery("""
                        UPDATE login_throttle SET
                          failures = CASE WHEN window_start < ?1 THEN 1 ELSE failures + 1 END,
                          window_start = CASE WHEN window_start < ?1 THEN ?3 ELSE window_start END
                        WHERE subject = ?4 AND (window_start < ?1 OR failures < ?2)""")
                .setParameter(1, at.minus(limit.window()))
                .setParameter(2, limit.threshold())
                .setParameter(3, at)
                .setParameter(4, subject)
                .executeUpdate();
        return updated == 1 ? 1 : exists(subject) ? 0 : -1;
    }

    /** Fails (on commit) when a racing attempt created the row first; that is as good. */
    @Transactional(TxType.REQUIRES_NEW)
    public void create(String subject, Instant now) {
        em.createNativeQuery("INSERT INTO login_throttle (subject, failures, window_start) VALUES (?1, 0, ?2)")
                .setParameter(1, subject).setParameter(2, now.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Rows whose window and block are both over tell nothing any more. */
    @Transactional(TxType.REQUIRES_NEW)
    public int forgetExpired(Instant before) {
        OffsetDateTime at = before.atOffset(ZoneOffset.UTC);
        return em.createNativeQuery(
                        "DELETE FROM login_throttle WHERE window_start < ?1 AND (blocked_until IS NULL OR blocked_until < ?1)")
                .setParameter(1, at).executeUpdate();
    }

    private static String subject(String subject) {
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }
}
