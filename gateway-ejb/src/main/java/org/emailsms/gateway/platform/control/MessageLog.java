package org.emailsms.gateway.platform.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.core.io.nio.NIOSequentialFileFactory;
import org.apache.activemq.artemis.core.journal.IOCompletion;
import org.apache.activemq.artemis.core.journal.PreparedTransactionInfo;
import org.apache.activemq.artemis.core.journal.RecordInfo;
import org.apache.activemq.artemis.core.journal.impl.JournalImpl;
import org.apache.activemq.artemis.core.persistence.CoreMessageObjectPools;
import org.apache.activemq.artemis.core.persistence.Persister;
import org.apache.activemq.artemis.utils.actors.OrderedExecutorFactory;

/**
 * The message log: a durable append-only log of records added, updated and deleted by id, on the
 * journal of ActiveMQ Artemis (NIO files in a directory of the node's own, its timed buffer letting
 * the appends of 3.3 ms share one disk sync, as the Artemis broker runs it; files compacted by the
 * journal once mostly deleted records). A caller learns that its record is on disk through the
 * returned future; a log opened again replays what was on disk and not deleted.
 *
 * <p>Its I/O runs on the threads it is given (the container's managed ones in the gateway). The
 * journal's timed buffer starts one thread of Artemis's own, which only flushes the buffer to the
 * file every few milliseconds and touches nothing of the container; without it each append would
 * pay a disk sync of its own.
 */
public final class MessageLog implements AutoCloseable {

    /** What the log holds of one id after replay: the data of its last add or update. */
    public record Entry(long id, byte type, byte[] data) {
    }

    private static final int FILE_SIZE = 10 * 1024 * 1024;
    private static final int BUFFER_SIZE = 490 * 1024;
    /** Artemis's default for NIO: concurrent appends within 3.3 ms share one sync. */
    private static final int BUFFER_TIMEOUT_NANOS = 3_333_333;

    private static final Persister<byte[]> BYTES = new Persister<>() {
        @Override
        public byte getID() {
            return 0;
        }

        @Override
        public int getEncodeSize(byte[] record) {
            return record.length;
        }

        @Override
        public void encode(ActiveMQBuffer buffer, byte[] record) {
            buffer.writeBytes(record);
        }

        @Override
        public byte[] decode(ActiveMQBuffer buffer, byte[] record, CoreMessageObjectPools pools) {
            byte[] data = new byte[buffer.readableBytes()];
            buffer.readBytes(data);
            return data;
        }
    };

    private final ExecutorService io;
    private final NIOSequentialFileFactory files;
    private final JournalImpl journal;
    private final List<Entry> replayed;
    private final AtomicLong nextId;

    private MessageLog(Path directory, ThreadFactory threads) throws Exception {
        io = Executors.newCachedThreadPool(threads);
        files = new NIOSequentialFileFactory(directory.toFile(), true, BUFFER_SIZE, BUFFER_TIMEOUT_NANOS, 1, false);
        journal = new JournalImpl(new OrderedExecutorFactory(io), FILE_SIZE, 2, 10, 10, 30, files, "emailsms", "log", 1, 0);
        files.start();
        journal.start();
        List<RecordInfo> committed = new ArrayList<>();
        List<PreparedTransactionInfo> prepared = new ArrayList<>();
        journal.load(committed, prepared, null, false);
        Map<Long, Entry> last = new LinkedHashMap<>();
        for (RecordInfo record : committed) {
            last.put(record.id, new Entry(record.id, record.userRecordType, record.data));
        }
        replayed = List.copyOf(last.values());
        nextId = new AtomicLong(last.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1);
    }

    /** The log in {@code directory} (made if need be), what it held replayed; its I/O on {@code threads}. */
    public static MessageLog open(Path directory, ThreadFactory threads) {
        try {
            Files.createDirectories(directory);
            return new MessageLog(directory, threads);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the message log in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** What was on disk when the log was opened, one entry per live id. */
    public List<Entry> replayed() {
        return replayed;
    }

    /** A new record's id: above every id replayed, never given twice in this run. */
    public long nextId() {
        return nextId.getAndIncrement();
    }

    /** Adds a record; the future completes once it is on disk. */
    public CompletableFuture<Void> add(long id, byte type, byte[] data) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        try {
            journal.appendAddRecord(id, type, BYTES, data, true, completion(durable));
        } catch (Exception e) {
            durable.completeExceptionally(e);
        }
        return durable;
    }

    public CompletableFuture<Void> update(long id, byte type, byte[] data) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        try {
            journal.appendUpdateRecord(id, type, BYTES, data, true, completion(durable));
        } catch (Exception e) {
            durable.completeExceptionally(e);
        }
        return durable;
    }

    /**
     * Deletes a record without waiting for the disk: a delete lost in a crash only replays a record
     * whose work is done, which its reader must find harmless.
     */
    public void delete(long id) {
        try {
            journal.appendDeleteRecord(id, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete record " + id + " from the message log: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            journal.stop();
            files.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the message log: " + e.getMessage(), e);
        } finally {
            io.shutdownNow();
        }
    }

    private static IOCompletion completion(CompletableFuture<Void> durable) {
        return new IOCompletion() {
            @Override
            public void storeLineUp() {
            }

            @Override
            public void done() {
                durable.complete(null);
            }

            @Override
            public void onError(int code, String message) {
                durable.completeExceptionally(new IllegalStateException("journal error " + code + ": " + message));
            }
        };
    }
}
