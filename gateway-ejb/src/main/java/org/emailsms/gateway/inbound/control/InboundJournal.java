package org.emailsms.gateway.inbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Makes what the SMSC delivers durable before the gateway answers deliver_sm_resp, with a group
 * commit: PDUs that arrive while a write is under way wait for the next one and go in together,
 * one transaction and one disk write for the lot, instead of one each. Once stored they are
 * prompted on the inbound queue; a prompt that is lost costs a delay (the sweep), not a PDU.
 */
@Singleton
// Appends run concurrently; the write lock below is the only serialisation.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// The writes open their own transactions, on the executor's threads.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// An EJB, not a CDI bean: called from jsmpp's reader threads, which have no naming context, it is
// still created and invoked in its own component context, and the writes it hands to the executor
// inherit that context.
public class InboundJournal {

    private static final Logger LOG = Logger.getLogger(InboundJournal.class.getName());
    static final int MAX_BATCH = 200;
    @Resource
    ManagedExecutorService executor;

    @Inject
    ReceivedPdus rows;

    @Inject
    InboundQueue queue;

    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** True while a writer is queued or running: there is never more than one. */
    private final AtomicBoolean writerActive = new AtomicBoolean();

    private record Waiting(InboundPdu pdu, CompletableFuture<Void> stored) {
    }

    /** Where the writes run: the container's executor; a plain one in tests. */
    Executor writers;

    @PostConstruct
    void init() {
        writers = executor;
    }

    /** Completes once {@code pdu} is stored, exceptionally if it could not be. */
    public CompletableFuture<Void> append(InboundPdu pdu) {
        Waiting entry = new Waiting(pdu, new CompletableFuture<>());
        waiting.add(entry);
        // One writer at a time, started only when none is active: a task per PDU would hold the
        // executor's threads waiting for each other and overflow its queue under load.
        if (writerActive.compareAndSet(false, true)) {
            try {
                writers.execute(this::writeWaiting);
            } catch (RuntimeException rejected) {
                writerActive.set(false);
                LOG.log(Level.WARNING, "No thread to store deliver_sm; refused, the SMSC will deliver them again",
                        rejected);
                for (Waiting refused; (refused = waiting.poll()) != null; ) {
                    refused.stored().completeExceptionally(rejected);
                }
            }
        }
        return entry.stored();
    }

    private void writeWaiting() {
        // Once more if a PDU came after the last take while its appender still saw this writer
        // active, unless a new writer has been started for it meanwhile.
        do {
            try {
                for (List<Waiting> batch = take(); !batch.isEmpty(); batch = take()) {
                    write(batch);
                }
            } finally {
                writerActive.set(false);
            }
        } while (!waiting.isEmpty() && writerActive.compareAndSet(false, true));
    }

    private List<Waiting> take() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Waiting> batch) {
        List<Long> ids;
        try {
            ids = rows.store(batch.stream().map(Waiting::pdu).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.size() + " deliver_sm could not be stored; the SMSC will deliver them again", e);
            batch.forEach(entry -> entry.stored().completeExceptionally(e));
            return;
        }
        batch.forEach(entry -> entry.stored().complete(null));
        try {
            queue.prompt(ids);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Stored inbound " + ids + " but could not queue them; the sweep will: " + e.getMessage());
        }
    }
}
