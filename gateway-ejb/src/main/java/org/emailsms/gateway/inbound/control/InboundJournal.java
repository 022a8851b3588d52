package org.emailsms.gateway.inbound.control;

import java.util.List;
import java.util.concurrent.Executor;
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

import org.emailsms.gateway.platform.control.GroupCommit;

/**
 * Makes what the SMSC delivers durable before the gateway answers deliver_sm_resp, with a group
 * commit: PDUs that arrive while a write is under way wait for the next one and go in together,
 * one transaction and one disk write for the lot, instead of one each. Once stored they are
 * prompted on the inbound queue; a prompt that is lost costs a delay (the sweep), not a PDU.
 */
@Singleton
// Appends run concurrently; the group commit is the only serialisation.
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

    private GroupCommit<InboundPdu, Long> journal;

    @PostConstruct
    void init() {
        writeOn(executor);
    }

    /** Where the writes run: the container's executor; a plain one in tests. */
    void writeOn(Executor writers) {
        journal = new GroupCommit<>(writers, MAX_BATCH, this::store, this::prompt);
    }

    /** Its future completes once {@code pdu} is stored (with its id), exceptionally if it could not be. */
    public GroupCommit.Entry<InboundPdu, Long> append(InboundPdu pdu) {
        return journal.append(pdu);
    }

    private List<Long> store(List<InboundPdu> batch) {
        try {
            return rows.store(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.size() + " deliver_sm could not be stored; the SMSC will deliver them again", e);
            throw e;
        }
    }

    private void prompt(List<Long> ids) {
        try {
            queue.prompt(ids);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Stored inbound " + ids + " but could not queue them; the sweep will: " + e.getMessage());
        }
    }
}
