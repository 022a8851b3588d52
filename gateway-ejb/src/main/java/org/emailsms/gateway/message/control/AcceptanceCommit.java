package org.emailsms.gateway.message.control;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.message.boundary.Deliveries;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.control.MessageAcceptance.Accepted;
import org.emailsms.gateway.message.control.MessageAcceptance.Checked;
import org.emailsms.gateway.message.control.MessageAcceptance.Stored;
import org.emailsms.gateway.platform.control.Conflicts;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;

/**
 * Stores checked send requests through a group commit: the requests that arrive while a store is
 * under way go into the next one together, so one database commit serves many callers (on H2 a
 * commit rewrites every B-tree page it touched, and was a third of the gateway's CPU with one
 * commit per request). A group that fails for anything but a quota is stored again request by
 * request, so one bad request never refuses the others.
 */
@Singleton
// Callers append concurrently; the group commit is the only serialisation.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcceptanceCommit {

    private static final Logger LOG = Logger.getLogger(AcceptanceCommit.class.getName());
    static final int MAX_GROUP = 64;

    @Inject
    GroupCommits groupCommits;

    @Inject
    MessageAcceptance acceptance;

    @EJB
    Deliveries deliveries;

    private GroupCommit<Checked, Stored> requests;

    @PostConstruct
    void init() {
        requests = groupCommits.start(MAX_GROUP, this::storeGroup, stored -> { });
    }

    /** Stores the request once its group has committed; what a quota refused stores nothing. */
    public Accepted store(Checked request) throws QuotaExceededException {
        Stored stored;
        try {
            stored = requests.append(request).written().get();
        } catch (InterruptedException e) {
            // The store may still commit: the caller is told it failed, the sweep delivers what was stored.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the request was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
        if (stored.failure() != null) {
            throw stored.failure();
        }
        if (stored.refused() != null) {
            throw stored.refused();
        }
        return stored.accepted();
    }

    List<Stored> storeGroup(List<Checked> group) {
        List<Stored> stored = store(group);
        if (deliveries != null) {
            // Committed: what this node holds goes to its pipeline here, on the writer's thread, so a
            // caller that gives up waiting cannot leave a stored message undelivered.
            stored.stream().filter(one -> one.accepted() != null)
                    .forEach(one -> deliveries.deliverAccepted(one.accepted().toDeliver()));
        }
        return stored;
    }

    private List<Stored> store(List<Checked> group) {
        if (group.size() > 1) {
            try {
                return acceptance.storeAll(group);
            } catch (RuntimeException e) {
                LOG.fine(() -> "a group of " + group.size() + " requests failed (" + e + "); storing each on its own");
            }
        }
        return group.stream().map(this::storeAlone).toList();
    }

    /** How many requests wait for the next store. */
    int waiting() {
        return requests.waiting();
    }

    /** A request on its own; a failure other than the quota is its caller's answer. */
    private Stored storeAlone(Checked request) {
        try {
            return storeOnce(request);
        } catch (PersistenceException e) {
            if (!Conflicts.isUniqueViolation(e)) {
                return failed(e);
            }
            // The same request id stored meanwhile (a client that sent again after a timeout): the
            // first answer. Or another node opened a conversation with the same new handset on the
            // same pool number at the same instant (reply_path's key): once more, this store sees
            // that conversation and takes another number.
            LOG.fine(() -> "a key was taken concurrently; storing again: " + e.getMessage());
            try {
                Optional<List<RecipientResult>> earlier = acceptance.answerBefore(request);
                return earlier.isPresent() ? new Stored(new Accepted(earlier.get(), List.of()), null) : storeOnce(request);
            } catch (RuntimeException again) {
                return failed(again);
            }
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private Stored storeOnce(Checked request) {
        try {
            return new Stored(acceptance.store(request), null);
        } catch (QuotaExceededException refused) {
            return new Stored(null, refused);
        }
    }

    private static Stored failed(RuntimeException e) {
        return new Stored(null, null, e);
    }
}
