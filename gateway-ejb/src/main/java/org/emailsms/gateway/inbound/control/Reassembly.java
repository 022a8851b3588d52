package org.emailsms.gateway.inbound.control;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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

    private static final Logger LOG = Logger.getLogger(Reassembly.class.getName());

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

    /**
     * The concatenated replies whose first part came before {@code firstSeenBefore} and that are
     * still incomplete, oldest first, at most {@code max}: the rest is not coming. Each is then
     * taken out on its own ({@link #take}), so that one that cannot be mailed holds back no other.
     */
    public List<GroupKey> expired(Instant firstSeenBefore, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> groups = em.createNativeQuery("""
                        SELECT handset, pool_number, reference FROM reply_fragment_group
                        WHERE first_seen_at < ?1 ORDER BY first_seen_at""")
                .setParameter(1, firstSeenBefore.atOffset(ZoneOffset.UTC)).setMaxResults(max).getResultList();
        return groups.stream()
                .map(group -> new GroupKey((String) group[0], (String) group[1], ((Number) group[2]).intValue()))
                .toList();
    }

    /**
     * Takes out one incomplete reply, still begun before {@code firstSeenBefore}, with the parts that
     * arrived; empty when it is gone (completed meanwhile, its reference already reused by a new
     * reply, or taken by another node: the group is locked and deleted, so one node takes it).
     */
    public Optional<Incomplete> take(GroupKey key, Instant firstSeenBefore) {
        List<?> group = em.createNativeQuery("""
                        SELECT total FROM reply_fragment_group
                        WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3 AND first_seen_at < ?4 FOR UPDATE""")
                .setParameter(1, key.handset()).setParameter(2, key.poolNumber()).setParameter(3, key.reference())
                .setParameter(4, firstSeenBefore.atOffset(ZoneOffset.UTC))
                .getResultList();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT sequence_number, data_coding, payload FROM reply_fragment
                        WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3 ORDER BY sequence_number""")
                .setParameter(1, key.handset()).setParameter(2, key.poolNumber()).setParameter(3, key.reference())
                .getResultList();
        List<Part> parts = new ArrayList<>();
        for (Object[] row : rows) {
            int sequence = ((Number) row[0]).intValue();
            int dataCoding = ((Number) row[1]).intValue();
            // Stored under another content key: counted as missing rather than holding up every expiry.
            cipher.tryDecryptBytes((byte[]) row[2]).ifPresentOrElse(
                    payload -> parts.add(new Part(sequence, dataCoding, payload)),
                    () -> LOG.warning(() -> "Part " + sequence + " of a reply from " + key.handset()
                            + " cannot be decrypted with this node's key"));
        }
        em.createNativeQuery("DELETE FROM reply_fragment_group WHERE handset = ?1 AND pool_number = ?2 AND reference = ?3")
                .setParameter(1, key.handset()).setParameter(2, key.poolNumber()).setParameter(3, key.reference())
                .executeUpdate();
        return Optional.of(new Incomplete(key.handset(), key.poolNumber(), ((Number) group.get(0)).intValue(), parts));
    }

    /** Which concatenated reply: the handset, the pool number it wrote to, and its reference. */
    public record GroupKey(String handset, String poolNumber, int reference) {
    }

    /** One part as it arrived: its number in the reply (from 1), data coding and payload. */
    public record Part(int sequence, int dataCoding, byte[] payload) {
    }

    /** A concatenated reply whose other parts never arrived: {@code parts} in order, of {@code total}. */
    public record Incomplete(String handset, String poolNumber, int total, List<Part> parts) {

        private static final String GAP = "[...]";

        /**
         * What arrived, readable: each run of consecutive parts joined before decoding (a character
         * may straddle two parts), a gap mark where parts are missing, and a note saying which came.
         */
        public String text() {
            if (parts.isEmpty()) {
                return GAP + "\n\n(Incomplete: none of its " + total + " parts could be read.)";
            }
            StringBuilder text = new StringBuilder();
            int expected = 1;
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            int runCoding = 0;
            for (Part part : parts) {
                if (part.sequence() != expected) {
                    text.append(InboundText.decode(run.toByteArray(), runCoding));
                    text.append(text.length() == 0 ? GAP + " " : " " + GAP + " ");
                    run.reset();
                }
                if (run.size() == 0) {
                    runCoding = part.dataCoding();
                }
                run.writeBytes(part.payload());
                expected = part.sequence() + 1;
            }
            text.append(InboundText.decode(run.toByteArray(), runCoding));
            if (expected <= total) {
                text.append(" ").append(GAP);
            }
            String arrived = parts.stream().map(p -> Integer.toString(p.sequence())).collect(Collectors.joining(", "));
            return text.append("\n\n(Incomplete: the network delivered only part(s) ").append(arrived).append(" of ")
                    .append(total).append("; the rest never arrived.)").toString();
        }
    }

    /** A reassembled reply: its payload, the data coding of its first part, and how many parts it had. */
    public record Whole(byte[] payload, int dataCoding, int parts) {
    }
}
