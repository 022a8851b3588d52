package org.emailsms.gateway.message.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.AcceptanceCommit;
import org.emailsms.gateway.message.control.Dictionaries;
import org.emailsms.gateway.message.control.EncodedSms;
import org.emailsms.gateway.message.control.OutcomeLog;
import org.emailsms.gateway.message.control.TextCompression;
import org.emailsms.gateway.message.control.MessageAcceptance;
import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.message.control.RetryPolicy;

/**
 * Sending: every check before acceptance, then the storing of each recipient's message in one
 * database transaction (shared with the requests that arrive meanwhile), then, once that has
 * committed, the ids of the messages due now on the outbound queue. No two-phase commit on the busiest path: should the node die between the commit
 * and the queueing, the due-message sweep queues the stored messages (see {@link RetryPolicy#requeueAfter()}).
 */
@Stateless
public class MessageService {

    private static final Logger LOG = Logger.getLogger(MessageService.class.getName());
    static final int MAX_STATUS_IDS = 1_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    ActivationService activations;

    @Inject
    MessageAcceptance acceptance;

    @EJB
    AcceptanceCommit stores;

    @Inject
    OutboundQueue queue;

    @Inject
    Dictionaries dictionaries;

    @EJB
    Deliveries deliveries;

    @Inject
    @ConfigProperty(name = "gateway.sender.one-way")
    String oneWaySender;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RecipientResult> send(String serial, List<String> recipients, String text, SendOptions options)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException, QuotaExceededException {
        return storeAndQueue(acceptance.check(serial, recipients, text, options));
    }

    /**
     * A text message from Outlook (or SharePoint), by a user its caller has signed in: each part is
     * an SMS of its own, sent in order.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RecipientResult> sendParts(long userId, List<String> recipients, List<String> parts, SendOptions options)
            throws AccountDisabledException, InvalidRequestException, MessageTooLongException, QuotaExceededException {
        return storeAndQueue(acceptance.checkParts(userId, recipients, parts, options));
    }

    private List<RecipientResult> storeAndQueue(MessageAcceptance.Checked request) throws QuotaExceededException {
        if (request.answered()) {
            return request.results(); // the same request id again: the first answer, nothing sent
        }
        MessageAcceptance.Accepted accepted = stores.store(request);
        try {
            queue.enqueue(accepted.toQueue());
        } catch (RuntimeException e) {
            // Stored is accepted: refusing now would make the sender send again, and the sweep sends these anyway.
            LOG.log(Level.WARNING, "Messages " + accepted.toQueue() + " stored but not queued; the sweep will queue them", e);
        }
        return accepted.results();
    }

    /** What {@code text} would take if the caller sent it; nothing is stored or sent. */
    public MessagePreview preview(String serial, String text)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        return preview(serial, text, false);
    }

    /** The same, through the caller's compression dictionaries first when {@code compress}. */
    public MessagePreview preview(String serial, String text, boolean compress)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        User user = activations.userOf(serial);
        if (text == null || text.isEmpty()) {
            throw new InvalidRequestException("The message text is empty.");
        }
        if (user.getCompany() == null) {
            throw new InvalidRequestException("Provider administrators belong to no company and cannot send.");
        }
        String going = compress ? TextCompression.compress(text, dictionaries.replacementsFor(user)) : text;
        EncodedSms sms = EncodedSms.of(going);
        int characters = going.codePointCount(0, going.length());
        Compression saved = compress ? new Compression(text.codePointCount(0, text.length()),
                EncodedSms.of(text).segmentCount(), characters, sms.segmentCount()) : null;
        boolean fits = sms.segmentCount() == 1
                || (user.getCompany().isSplitLongMessages() && sms.segmentCount() <= user.getCompany().getMaxSegments());
        return new MessagePreview(going, sms.alphabet().name(), characters, sms.segmentCount(),
                sms.charactersLeftInLastSegment(), fits, saved);
    }

    /** Messages sent one-way since {@code since}: the sender numbers were exhausted for their handsets. */
    public long sentWithoutReplyPath(OffsetDateTime since) {
        return em.createNamedQuery("SmsMessage.countFromSender", Long.class)
                .setParameter("sender", oneWaySender).setParameter("since", since).getSingleResult();
    }

    /**
     * The caller's own messages among {@code ids}; others' ids are left out as if unknown. In one
     * transaction: measured without one (each read then on a connection and persistence context of
     * its own, the serial check in a transaction of its own), a status query cost three times the CPU.
     */
    public List<MessageReport> status(String serial, List<Long> ids)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        // The sender's row alone (one statement): the query needs only who asks.
        User user = em.getReference(User.class, activations.senderOf(serial).userId());
        if (ids == null || ids.isEmpty() || ids.size() > MAX_STATUS_IDS) {
            throw new InvalidRequestException("Ask for the status of 1 to " + MAX_STATUS_IDS + " message ids.");
        }
        if (ids.contains(null)) {
            // What the SOAP layer makes of a messageId that is not a number.
            throw new InvalidRequestException("A message id is a number, as sendMessage returned it.");
        }
        List<MessageReport> reports = em.createNamedQuery("SmsMessage.findOwnByIds", SmsMessage.class)
                .setParameter("user", user).setParameter("ids", ids)
                .getResultStream().map(MessageReport::of).toList();
        // An attempt's outcome is durable on this node before it is written behind: the status answered is its.
        Map<Long, OutcomeLog.Attempted> unwritten = deliveries.unwritten(ids);
        return unwritten.isEmpty() ? reports : reports.stream()
                .map(report -> unwritten.containsKey(report.id()) ? report.after(unwritten.get(report.id())) : report)
                .toList();
    }
}
