package org.emailsms.gateway.platform.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

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
 * Prototype of the message log: a durable append-only log of records added, updated and deleted by
 * id, on the journal of ActiveMQ Artemis (NIO files, its timed buffer batching the syncs of
 * concurrent appends, as the Artemis broker runs it). A caller learns that its record is on disk
 * through the returned future; a log opened again replays what was on disk. Measured by
 * {@link MessageLogBenchmark} before the message core moves onto it.
 */
final class MessageLogPrototype implements AutoCloseable {

    /** What the log holds of one id after replay: the data of its last add or update. */
    record Entry(long id, byte type, byte[] data) {
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

    private MessageLogPrototype(Path directory, ThreadFactory threads) throws Exception {
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
    }

    static MessageLogPrototype open(Path directory, ThreadFactory threads) throws Exception {
        return new MessageLogPrototype(directory, threads);
    }

    /** What was on disk when the log was opened, one entry per live id. */
    List<Entry> replayed() {
        return replayed;
    }

    CompletableFuture<Void> add(long id, byte type, byte[] data) throws Exception {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        journal.appendAddRecord(id, type, BYTES, data, true, completion(durable));
        return durable;
    }

    CompletableFuture<Void> update(long id, byte type, byte[] data) throws Exception {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        journal.appendUpdateRecord(id, type, BYTES, data, true, completion(durable));
        return durable;
    }

    CompletableFuture<Void> delete(long id) throws Exception {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        journal.appendDeleteRecord(id, true, completion(durable));
        return durable;
    }

    @Override
    public void close() throws Exception {
        journal.stop();
        files.stop();
        io.shutdownNow();
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
