package org.emailsms.gateway.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reassembly of concatenated replies against the migrated schema on H2. */
class ReassemblyTest {

    private static final String POOL = "+61491570156";
    private static MigratedDatabase database;
    private static ContentCipher cipher;

    @BeforeAll
    static void migrate() {
        database = new MigratedDatabase();
        cipher = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void joinsPartsArrivingInAnyOrderOnceAndDecodesAcrossTheCut() {
        // "😀" is a surrogate pair: its four UCS-2 bytes are cut in the middle, between the parts.
        byte[] text = "Yes 😀 see you".getBytes(StandardCharsets.UTF_16BE);
        byte[] first = Arrays.copyOfRange(text, 0, 10);
        byte[] second = Arrays.copyOfRange(text, 10, 20);
        byte[] third = Arrays.copyOfRange(text, 20, text.length);
        String handset = "+61412" + (100000 + (int) (Math.random() * 899999));

        assertTrue(add(handset, new Segment(third, 8, 42, 3, 3)).isEmpty());
        assertTrue(add(handset, new Segment(first, 8, 42, 3, 1)).isEmpty());
        assertTrue(add(handset, new Segment(first, 8, 42, 3, 1)).isEmpty(), "a part delivered twice counts once");
        Optional<Reassembly.Whole> whole = add(handset, new Segment(second, 8, 42, 3, 2));

        assertTrue(whole.isPresent());
        assertEquals(3, whole.get().parts());
        assertEquals("Yes 😀 see you", InboundText.decode(whole.get().payload(), whole.get().dataCoding()));
        Function<EntityManager, Long> fragments = em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM reply_fragment WHERE handset = ?1").setParameter(1, handset)
                .getSingleResult()).longValue();
        long leftBehind = database.inTransaction(fragments);
        assertEquals(0, leftBehind, "nothing is left behind");
    }

    @Test
    void keepsRepliesApartByReferenceAndHandset() {
        String handset = "+61412" + (100000 + (int) (Math.random() * 899999));
        byte[] part = "abc".getBytes(StandardCharsets.US_ASCII);

        assertTrue(add(handset, new Segment(part, 0, 7, 2, 1)).isEmpty());
        assertTrue(add(handset, new Segment(part, 0, 8, 2, 2)).isEmpty(), "another reference is another reply");
        assertTrue(add("+61412000999", new Segment(part, 0, 7, 2, 2)).isEmpty(), "another handset too");
        assertFalse(add(handset, new Segment(part, 0, 7, 2, 2)).isEmpty());
    }

    @Test
    void aReplyWhosePartsDidNotAllComeInTimeIsTakenOutOnceWithWhatArrived() {
        String handset = "+61412" + (100000 + (int) (Math.random() * 899999));
        // Part 2 of 3 never comes.
        assertTrue(add(handset, new Segment("Meet at ".getBytes(StandardCharsets.US_ASCII), 0, 9, 3, 1)).isEmpty());
        assertTrue(add(handset, new Segment("tomorrow".getBytes(StandardCharsets.US_ASCII), 0, 9, 3, 3)).isEmpty());

        assertEquals(List.of(), takeExpired(Instant.now().minusSeconds(60)), "not expired yet");
        Reassembly.GroupKey key = new Reassembly.GroupKey(handset, POOL, 9);
        assertTrue(database.inTransaction(em -> {
            return reassembly(em).take(key, Instant.now().minusSeconds(60));
        }).isEmpty(), "a reply begun after the cut-off (its reference reused, say) is not taken");
        List<Reassembly.Incomplete> taken = takeExpired(Instant.now().plusSeconds(1));
        List<Reassembly.Incomplete> mine = taken.stream().filter(reply -> reply.handset().equals(handset)).toList();
        assertEquals(1, mine.size());
        Reassembly.Incomplete reply = mine.get(0);
        assertEquals(3, reply.total());
        assertEquals(List.of(1, 3), reply.parts().stream().map(Reassembly.Part::sequence).toList());
        assertEquals("Meet at  [...] tomorrow\n\n(Incomplete: the network delivered only part(s) 1, 3 of 3; "
                + "the rest never arrived.)", reply.text());
        assertEquals(List.of(), takeExpired(Instant.now().plusSeconds(1)).stream()
                .filter(again -> again.handset().equals(handset)).toList(), "taken once");
    }

    @Test
    void anIncompleteReplyMarksEveryGap() {
        Reassembly.Incomplete onlyTheMiddle = new Reassembly.Incomplete("+61412000001", POOL, 3,
                List.of(new Reassembly.Part(2, 0, "middle".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(onlyTheMiddle.text().startsWith("[...] middle [...]\n\n"), onlyTheMiddle.text());
    }

    /** As the inbound sweep does: the expired groups listed, then each taken in a transaction of its own. */
    private static List<Reassembly.Incomplete> takeExpired(Instant firstSeenBefore) {
        List<Reassembly.GroupKey> expired = database.inTransaction(em -> {
            return reassembly(em).expired(firstSeenBefore, 100);
        });
        return expired.stream()
                .flatMap(key -> database.inTransaction(em -> {
                    return reassembly(em).take(key, firstSeenBefore);
                }).stream())
                .toList();
    }

    private static Reassembly reassembly(EntityManager em) {
        Reassembly cut = new Reassembly();
        cut.em = em;
        cut.cipher = cipher;
        return cut;
    }

    private static Optional<Reassembly.Whole> add(String handset, Segment segment) {
        return database.inTransaction(em -> {
            return reassembly(em).add(handset, POOL, segment);
        });
    }
}
