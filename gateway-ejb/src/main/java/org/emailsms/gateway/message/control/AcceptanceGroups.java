package org.emailsms.gateway.message.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.message.boundary.MessageTooLongException;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.control.MessageAcceptance.Accepted;
import org.emailsms.gateway.message.control.MessageAcceptance.Decision;
import org.emailsms.gateway.message.control.MessageAcceptance.Request;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/**
 * Group commit for sendMessage: the requests that arrive while a group is being stored wait, and
 * the first of them to get its turn accepts them all in one transaction, one disk write for the
 * lot instead of one each. Alone, a request is a group of one and waits for nothing.
 */
@ApplicationScoped
public class AcceptanceGroups {

    private static final Logger LOG = Logger.getLogger(AcceptanceGroups.class.getName());
    static final int MAX_GROUP = 32;

    @Inject
    MessageAcceptance acceptance;

    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock storing = new ReentrantLock();

    private record Waiting(Request request, CompletableFuture<Decision> decided) {
    }

    /** Groups outside the container, over a given acceptance: for tests. */
    public static AcceptanceGroups over(MessageAcceptance acceptance) {
        AcceptanceGroups groups = new AcceptanceGroups();
        groups.acceptance = acceptance;
        return groups;
    }

    /**
     * Accepted with the others waiting, or refused; should the group's transaction fail, accepted
     * alone in a transaction of its own (a failure of that is the caller's).
     */
    public Accepted accept(String serial, List<String> recipients, String text, SendOptions options)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException, QuotaExceededException {
        Waiting mine = new Waiting(new Request(serial, recipients, text, options), new CompletableFuture<>());
        waiting.add(mine);
        storing.lock();
        try {
            if (!mine.decided().isDone()) {
                acceptWaiting();
            }
        } finally {
            storing.unlock();
        }
        Decision decision = mine.decided().join();
        if (decision.refusal() != null) {
            throw rethrown(decision.refusal());
        }
        if (decision.accepted() != null) {
            return decision.accepted();
        }
        return acceptance.accept(serial, recipients, text, options);
    }

    /** Requests waiting for their turn to store a group: for tests. */
    int waitingForTurn() {
        return storing.getQueueLength();
    }

    /** Under the lock: all that are waiting (including this thread's own), as one group. */
    private void acceptWaiting() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next; group.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        List<Decision> decisions;
        try {
            decisions = acceptance.acceptTogether(group.stream().map(Waiting::request).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a group of " + group.size() + " requests failed; each is accepted alone", e);
            group.forEach(w -> w.decided().complete(new Decision(null, null)));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).decided().complete(decisions.get(i));
        }
    }

    /** Throws the refusal as the checked exception it is; returns only for one that cannot be. */
    private static IllegalStateException rethrown(GatewayException refusal)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException, QuotaExceededException {
        if (refusal instanceof AuthenticationFailedException e) {
            throw e;
        }
        if (refusal instanceof AccountDisabledException e) {
            throw e;
        }
        if (refusal instanceof InvalidRequestException e) {
            throw e;
        }
        if (refusal instanceof MessageTooLongException e) {
            throw e;
        }
        if (refusal instanceof QuotaExceededException e) {
            throw e;
        }
        return new IllegalStateException("unexpected refusal", refusal);
    }
}
