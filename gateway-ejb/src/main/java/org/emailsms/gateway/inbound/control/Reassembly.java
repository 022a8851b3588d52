package org.emailsms.gateway.inbound.control;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Keeps the parts of a concatenated reply (encrypted, like all content) until the last one is in,
 * then hands back the whole payload. Parts may come in any order, on any bind and to any node; the
 * group row is locked while a part is added, so exactly one transaction sees the reply complete.
 * Two first parts racing to create the group: one insert fails, its transaction rolls back and the
 * inbound queue delivers that part again, when the group exists.
 */
@Dependent
public class Reassembly {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContentCipher cipher;

    /** The payload of the whole reply once {@code segment} completes it, else empty. */
    public Optional<Whole> add(String handset, String poolNumber, Segment segment) {
        List<?> group = em.createNativeQuery("""
                        SELECT total FROM reply_fragment_group
                        WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3 FOR UPDATE""")
                .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                .getResultList();
        if (group.isEmpty()) {
            em.createNativeQuery("""
                            INSERT INTO reply_fragment_group (handset, pool_number, reference, total, first_seen_at)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                    .setParameter(4, segment.total()).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
        }
        // The SMSC may deliver a part twice (its deliver_sm_resp got lost); the second copy changes nothing.
        boolean known = !em.createNativeQuery("""
                        SELECT 1 FROM reply_fragment
                        WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3 AND sequence_number = ?4""")
                .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                .setParameter(4, segment.sequence()).getResultList().isEmpty();
        if (!known) {
            em.createNativeQuery("""
                            INSERT INTO reply_fragment (handset, pool_number, reference, sequence_number, data_coding, payload)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                    .setParameter(4, segment.sequence()).setParameter(5, segment.dataCoding())
                    .setParameter(6, cipher.encrypt(segment.payload())).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> parts = em.createNativeQuery("""
                        SELECT data_coding, payload FROM reply_fragment
                        WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3 ORDER BY sequence_number""")
                .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                .getResultList();
        if (parts.size() < segment.total()) {
            return Optional.empty();
        }
        // Joined before decoding: a GSM escape or a UCS-2 surrogate pair may straddle two parts.
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (Object[] part : parts) {
            whole.writeBytes(cipher.decryptBytes((byte[]) part[1]));
        }
        em.createNativeQuery("DELETE FROM reply_fragment_group WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3")
                .setParameter(1, handset).setParameter(2, poolNumber).setParameter(3, segment.reference())
                .executeUpdate();
        return Optional.of(new Whole(whole.toByteArray(), ((Number) parts.get(0)[0]).intValue(), parts.size()));
    }

    /** A reassembled reply: its payload, the data coding of its first part, and how many parts it had. */
    public record Whole(byte[] payload, int dataCoding, int parts) {
    }
}
