package org.emailsms.gateway.platform.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the message log's engine takes records that each caller waits for to be on disk, as an
 * accepted message waits before its answer: {@code producers} callers each append a record of
 * {@code bytes} (an accepted message with its encrypted parts) and wait for it, for
 * {@code seconds}; then each record gets one update (its outcome), as a message's life would.
 * Prints records a second and the wait's median and 99th percentile. Not a test: run it with
 * {@code mvn -pl gateway-ejb test-compile exec:java} or from the test classpath:
 * {@code java -cp ... org.emailsms.gateway.platform.control.MessageLogBenchmark [producers] [bytes] [seconds]}.
 */
public final class MessageLogBenchmark {

    private MessageLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int producers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int bytes = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("message-log-benchmark");
        try (MessageLog log = MessageLog.open(dir, Executors.defaultThreadFactory())) {
            run(log, producers, bytes, 3, "warm-up");
            run(log, producers, bytes, seconds, "measured");
        }
    }

    private static void run(MessageLog log, int producers, int bytes, int seconds, String round) throws Exception {
        AtomicLong ids = new AtomicLong(round.equals("warm-up") ? 0 : 1L << 40);
        long[][] waits = new long[producers][];
        int[] counts = new int[producers];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(producers);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int producer = p;
            waits[p] = new long[1 << 20];
            threads[p] = new Thread(() -> {
                byte[] record = new byte[bytes];
                ThreadLocalRandom.current().nextBytes(record);
                try {
                    while (System.nanoTime() < end) {
                        long id = ids.incrementAndGet();
                        long start = System.nanoTime();
                        log.add(id, (byte) 1, record).get();
                        log.update(id, (byte) 2, Arrays.copyOf(record, 32)).get();
                        if (counts[producer] < waits[producer].length) {
                            waits[producer][counts[producer]++] = System.nanoTime() - start;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
            threads[p].start();
        }
        done.await();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int p = 0; p < producers; p++) {
            System.arraycopy(waits[p], 0, all, at, counts[p]);
            at += counts[p];
        }
        Arrays.sort(all);
        System.out.printf("%s: %d producers, %d-byte records: %,d messages in %d s = %,.0f messages/s "
                        + "(each an add and an update, both synced); wait median %.2f ms, p99 %.2f ms%n",
                round, producers, bytes, total, seconds, total / (double) seconds,
                all.length == 0 ? 0 : all[all.length / 2] / 1e6, all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6);
    }
}
