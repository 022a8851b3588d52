package org.emailsms.gateway.inbound.control;

import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.inbound.boundary.ReceiptService;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;

/**
 * Makes what the SMSC delivers durable before the gateway answers deliver_sm_resp, with a group
 * commit: PDUs that arrive while a write is under way wait for the next one and go in together,
 * one transaction and one disk write for the lot, instead of one each. A receipt whose part is
 * known is recorded in that same write (no stored row, no second transaction: most receipts);
 * everything else is stored and prompted on the inbound queue, where a prompt that is lost costs a
 * delay (the sweep), not a PDU. Should recording fail, the batch is stored as it is instead.
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

    @Inject
    GroupCommits groupCommits;

    @Inject
    ReceivedPdus rows;

    @Inject
    InboundQueue queue;

    @EJB
    ReceiptService receipts;

    @Inject
    InboundStatistics statistics;

    private GroupCommit<InboundPdu, Long> journal;

    @PostConstruct
    void init() {
        journal = groupCommits.start(MAX_BATCH, this::store, this::prompt);
    }

    /**
     * Its future completes once {@code pdu} is durable: stored (with its id) or, a receipt, recorded
     * (null); exceptionally if it could not be.
     */
    public GroupCommit.Entry<InboundPdu, Long> append(InboundPdu pdu) {
        return journal.append(pdu);
    }

    private List<Long> store(List<InboundPdu> batch) {
        if (batch.stream().anyMatch(InboundPdu::receipt)) {
            try {
                List<Long> ids = rows.recordOrStore(batch, receipts::recordAll);
                ids.stream().filter(Objects::isNull).forEach(recorded -> statistics.receiptProcessed());
                return ids;
            } catch (RuntimeException recordingFailed) {
                LOG.log(Level.FINE, "Recording the receipts among " + batch.size()
                        + " deliver_sm at once failed; all stored for processing", recordingFailed);
            }
        }
        try {
            return rows.store(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.size() + " deliver_sm could not be stored; the SMSC will deliver them again", e);
            throw e;
        }
    }

    private void prompt(List<Long> written) {
        List<Long> ids = written.stream().filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return;
        }
        try {
            queue.prompt(ids);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Stored inbound " + ids + " but could not queue them; the sweep will: " + e.getMessage());
        }
    }
}
