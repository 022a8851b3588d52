package org.emailsms.gateway.message.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.entity.User;

/**
 * Chooses the sender number from the pool so that the recipient's reply finds its way back
 * (seed 4.1 step 7, DESIGN.md): for each (recipient, pool number) pair one user at a time owns the
 * conversation. Take the pair this user owns already, else a free one, else the least recently used.
 */
@Dependent
public class ReplyPathResolver {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "gateway.sender.pool")
    List<String> pool;

    public String senderNumberFor(User user, String recipient) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> pairs = em.createNativeQuery(
                        "SELECT sender_number, user_id FROM reply_path WHERE recipient = ?1 ORDER BY last_used_at, sender_number")
                .setParameter(1, recipient).getResultList();
        Map<String, Long> owners = new HashMap<>();
        for (Object[] pair : pairs) {
            owners.put((String) pair[0], ((Number) pair[1]).longValue());
        }
        for (Map.Entry<String, Long> pair : owners.entrySet()) {
            if (pool.contains(pair.getKey()) && pair.getValue().equals(user.getId())) {
                touch(recipient, pair.getKey(), user, now);
                return pair.getKey();
            }
        }
        for (String number : pool) {
            if (!owners.containsKey(number)) {
                em.createNativeQuery(
                                "INSERT INTO reply_path (recipient, sender_number, user_id, last_used_at) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, recipient).setParameter(2, number).setParameter(3, user.getId())
                        .setParameter(4, now).executeUpdate();
                return number;
            }
        }
        String leastRecent = pairs.stream().map(p -> (String) p[0]).filter(pool::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("gateway.sender.pool is empty"));
        touch(recipient, leastRecent, user, now);
        return leastRecent;
    }

    private void touch(String recipient, String number, User user, OffsetDateTime now) {
        em.createNativeQuery("UPDATE reply_path SET user_id = ?1, last_used_at = ?2 WHERE recipient = ?3 AND sender_number = ?4")
                .setParameter(1, user.getId()).setParameter(2, now).setParameter(3, recipient).setParameter(4, number)
                .executeUpdate();
    }
}
