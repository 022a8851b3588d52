package org.emailsms.gateway.platform.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the gateway's group commits run: each on a {@link WriterThread} of its own, made by the
 * container's managed thread factory and stopped with the application (letting the write under way
 * finish). The one place that wires a writer to its thread, for every component that writes in
 * groups.
 */
@ApplicationScoped
public class GroupCommits {

    @Resource
    ManagedThreadFactory threads;

    private final List<WriterThread> writers = new CopyOnWriteArrayList<>();
    private Executor given;

    /** Outside the container: every group commit writes on the given executor (tests). */
    public static GroupCommits on(Executor executor) {
        GroupCommits commits = new GroupCommits();
        commits.given = executor;
        return commits;
    }

    /** A group commit of at most {@code maxBatch} items a write, on a writer thread of its own. */
    public <T, R> GroupCommit<T, R> start(int maxBatch, Function<List<T>, List<R>> write, Consumer<List<R>> afterWrite) {
        return start(maxBatch, Duration.ZERO, write, afterWrite);
    }

    /** A write-behind: as above, its writer letting items gather for up to {@code linger} a write. */
    public <T, R> GroupCommit<T, R> start(int maxBatch, Duration linger, Function<List<T>, List<R>> write,
                                          Consumer<List<R>> afterWrite) {
        if (given != null) {
            return new GroupCommit<>(given, maxBatch, linger, write, afterWrite);
        }
        WriterThread writer = new WriterThread(threads);
        writers.add(writer);
        return new GroupCommit<>(writer, maxBatch, linger, write, afterWrite);
    }

    @PreDestroy
    void stop() {
        writers.forEach(WriterThread::close);
    }
}
