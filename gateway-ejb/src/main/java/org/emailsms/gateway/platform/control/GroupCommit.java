package org.emailsms.gateway.platform.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A group commit: items that arrive while a write is under way wait for the next one and go in
 * together, one database transaction (one disk write) for the lot instead of one each. Each caller
 * gets an entry whose future completes once its item is written, exceptionally if that write
 * failed; a caller that stops waiting can withdraw its item as long as no write has taken it.
 *
 * <p>One writer at a time, started on the executor only when none is active: a task per item
 * would hold the executor's threads waiting for each other and overflow its queue under load.
 *
 * @param <T> what is written
 * @param <R> what the write gives back for each item, in the same order (an id, or nothing)
 */
public final class GroupCommit<T, R> {

    /** An item on its way: written once a write has taken and committed it. */
    public static final class Entry<T, R> {
        private final T item;
        private final CompletableFuture<R> written = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        private Entry(T item) {
            this.item = item;
        }

        /** Completes with the write's result for this item, exceptionally if the write failed. */
        public CompletableFuture<R> written() {
            return written;
        }

        /**
         * Takes the item back if no write has taken it yet; true then, and it is never written.
         * False means a write has it: only its outcome says whether the item is stored.
         */
        public boolean withdraw() {
            if (taken.compareAndSet(false, true)) {
                written.completeExceptionally(new IllegalStateException("withdrawn before it was written"));
                return true;
            }
            return false;
        }
    }

    private final Executor executor;
    private final int maxBatch;
    /** How long a writer lets items gather before it takes them (zero: at once); see {@link #hurry}. */
    private final long lingerNanos;
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean hurried;
    private final Function<List<T>, List<R>> write;
    private final Consumer<List<R>> afterWrite;
    private final ConcurrentLinkedQueue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();
    /** True while a writer is queued or running: there is never more than one. */
    private final AtomicBoolean writerActive = new AtomicBoolean();

    /**
     * {@code write} stores a batch of at most {@code maxBatch} in one transaction and returns one
     * result per item; {@code afterWrite} gets the results of each successful write after its
     * callers have been told (for work that may follow the commit, such as queueing the ids).
     */
    public GroupCommit(Executor executor, int maxBatch, Function<List<T>, List<R>> write, Consumer<List<R>> afterWrite) {
        this(executor, maxBatch, Duration.ZERO, write, afterWrite);
    }

    /**
     * A write-behind: the writer waits up to {@code linger} after it starts (or until
     * {@code maxBatch} items wait, or {@link #hurry} is called) before it takes them, so that the
     * items of that time go in one transaction. Only for callers that need not wait for the write.
     */
    public GroupCommit(Executor executor, int maxBatch, Duration linger, Function<List<T>, List<R>> write,
                       Consumer<List<R>> afterWrite) {
        this.executor = executor;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.write = write;
        this.afterWrite = afterWrite;
    }

    public Entry<T, R> append(T item) {
        Entry<T, R> entry = new Entry<>(item);
        waiting.add(entry);
        count.incrementAndGet();
        if (writerActive.compareAndSet(false, true)) {
            try {
                executor.execute(this::writeWaiting);
            } catch (RuntimeException rejected) {
                writerActive.set(false);
                for (Entry<T, R> refused; (refused = waiting.poll()) != null; ) {
                    count.decrementAndGet();
                    if (refused.taken.compareAndSet(false, true)) {
                        refused.written.completeExceptionally(rejected);
                    }
                }
            }
        }
        return entry;
    }

    /** How many items wait for the next write. */
    public int waiting() {
        return count.get();
    }

    /** A lingering writer writes what waits now rather than when its time is up. */
    public void hurry() {
        hurried = true;
    }

    private void writeWaiting() {
        // Once more if an item came after the last take while its appender still saw this writer
        // active, unless a new writer has been started for it meanwhile.
        do {
            try {
                linger();
                for (List<Entry<T, R>> batch = take(); !batch.isEmpty(); batch = take()) {
                    writeBatch(batch);
                    linger();
                }
            } finally {
                writerActive.set(false);
            }
        } while (!waiting.isEmpty() && writerActive.compareAndSet(false, true));
    }

    private void linger() {
        long until = System.nanoTime() + lingerNanos;
        for (long left = lingerNanos; left > 0 && !hurried && count.get() < maxBatch && !Thread.currentThread().isInterrupted();
             left = until - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)));
        }
        hurried = false;
    }

    private List<Entry<T, R>> take() {
        List<Entry<T, R>> batch = new ArrayList<>();
        for (Entry<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
            count.decrementAndGet();
            if (next.taken.compareAndSet(false, true)) {
                batch.add(next);
            }
        }
        return batch;
    }

    private void writeBatch(List<Entry<T, R>> batch) {
        List<R> results;
        try {
            results = write.apply(batch.stream().map(entry -> entry.item).toList());
        } catch (RuntimeException e) {
            batch.forEach(entry -> entry.written.completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written.complete(results.get(i));
        }
        afterWrite.accept(results);
    }
}
