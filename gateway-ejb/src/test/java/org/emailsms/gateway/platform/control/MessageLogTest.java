package org.emailsms.gateway.platform.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The message log's engine keeps what it acknowledged, across a close and across a crash. */
class MessageLogTest {

    private static final byte ACCEPTED = 1;
    private static final byte SUBMITTED = 2;

    @Test
    void whatWasAcknowledgedIsReplayedWithItsLastStateAndDeletionsStayDeleted(@TempDir Path dir) throws Exception {
        try (MessageLog log = MessageLog.open(dir, Executors.defaultThreadFactory())) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (long id = 1; id <= 1_000; id++) {
                writes.add(log.add(id, ACCEPTED, text("accepted " + id)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            log.update(7, SUBMITTED, text("submitted 7")).get(30, TimeUnit.SECONDS);
            log.delete(8); // on disk by the close
        }

        try (MessageLog again = MessageLog.open(dir, Executors.defaultThreadFactory())) {
            List<MessageLog.Entry> entries = again.replayed();
            assertEquals(999, entries.size(), "every add but the deleted one");
            MessageLog.Entry seventh = entries.stream().filter(e -> e.id() == 7).findFirst().orElseThrow();
            assertEquals(SUBMITTED, seventh.type());
            assertArrayEquals(text("submitted 7"), seventh.data(), "the last state");
            assertEquals(1_001, again.nextId(), "new records never reuse a replayed id");
        }
    }

    /** A copy of the files taken while the log runs, as a killed process leaves them, replays every acknowledged record. */
    @Test
    void aKilledProcessLosesNothingItAcknowledged(@TempDir Path dir, @TempDir Path afterKill) throws Exception {
        try (MessageLog log = MessageLog.open(dir, Executors.defaultThreadFactory())) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (long id = 1; id <= 500; id++) {
                writes.add(log.add(id, ACCEPTED, text("accepted " + id)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, afterKill.resolve(file.getFileName()));
                }
            }
        }

        try (MessageLog replayed = MessageLog.open(afterKill, Executors.defaultThreadFactory())) {
            assertEquals(500, replayed.replayed().size());
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
