package org.emailsms.gateway.platform.control;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One thread, kept for the application's life, for a group commit's writes. Made by the
 * container's managed thread factory, it has the application's naming and transactions; a
 * contextual task per write on the managed executor would set up the container's thread context
 * each time, which under load cost more than the write itself.
 */
public final class WriterThread implements Executor, AutoCloseable {

    private final ExecutorService thread;

    public WriterThread(ThreadFactory threads) {
        this.thread = Executors.newSingleThreadExecutor(threads);
    }

    @Override
    public void execute(Runnable write) {
        thread.execute(write);
    }

    /** Lets the write under way finish, for up to 10 seconds, then interrupts it. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
