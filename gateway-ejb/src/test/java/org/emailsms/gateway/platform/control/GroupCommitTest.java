package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write-behind lets items gather for its delay, up to its batch, unless hurried. */
class GroupCommitTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<List<Integer>> writes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "a lingering writer stops when interrupted");
    }

    @Test
    void itemsOfTheDelayGoInOneWrite() throws Exception {
        GroupCommit<Integer, Integer> behind = writeBehind(1_000, Duration.ofMillis(300));
        List<CompletableFuture<Integer>> written = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            written.add(behind.append(i).written());
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1, writes.size(), "one write for all: " + writes.size());
        assertEquals(100, writes.get(0).size());
    }

    @Test
    void aFullBatchOrAHurryWritesAtOnce() throws Exception {
        GroupCommit<Integer, Integer> behind = writeBehind(10, Duration.ofMinutes(10));
        List<CompletableFuture<Integer>> full = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            full.add(behind.append(i).written());
        }
        CompletableFuture.allOf(full.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        CompletableFuture<Integer> alone = behind.append(99).written();
        behind.hurry();
        assertEquals(99, alone.get(10, TimeUnit.SECONDS), "not ten minutes later");
        assertEquals(List.of(10, 1), writes.stream().map(List::size).toList());
    }

    private GroupCommit<Integer, Integer> writeBehind(int maxBatch, Duration delay) {
        return new GroupCommit<>(executor, maxBatch, delay, batch -> {
            writes.add(batch);
            return batch;
        }, results -> { });
    }
}
