package org.emailsms.gateway.message.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.DestinationPolicy;
import org.emailsms.gateway.message.control.DestinationPolicy.Verdict;
import org.emailsms.gateway.message.control.EncodedSms;
import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.message.control.QuotaLedger;
import org.emailsms.gateway.message.control.Recipient;
import org.emailsms.gateway.message.control.ReplyPathResolver;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Sending (seed 4.1): every check of step 4 before anything is stored, then each recipient's
 * message stored PENDING (content encrypted) and its id queued, in one transaction: a message is
 * accepted exactly when it is both stored and queued.
 */
@Stateless
public class MessageService {

    private static final Logger LOG = Logger.getLogger(MessageService.class.getName());
    static final int MAX_RECIPIENTS = 1_000;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_STATUS_IDS = 1_000;

    @PersistenceContext
    EntityManager em;

    @EJB
    ActivationService activations;

    @Inject
    DestinationPolicy destinations;

    @Inject
    QuotaLedger quotas;

    @Inject
    ReplyPathResolver replyPaths;

    @Inject
    OutboundQueue queue;

    @Inject
    ContentCipher cipher;

    public List<RecipientResult> send(String serial, List<String> recipients, String text, SendOptions options)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException, QuotaExceededException {
        User user = activations.userOf(serial);
        Company company = user.getCompany();
        if (company == null) {
            throw new InvalidRequestException("Provider administrators belong to no company and cannot send.");
        }
        requireContent(recipients, text);
        SendOptions how = options == null ? SendOptions.defaults() : options;
        EncodedSms sms = EncodedSms.of(text);
        requireFits(company, sms, how);

        List<RecipientResult> results = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        boolean restricted = destinations.isRestricted(company);
        for (String recipient : recipients) {
            Verdict verdict = destinations.check(company, restricted, Recipient.parse(recipient).number());
            if (verdict.isAllowed()) {
                accepted.add(verdict.e164());
            }
            results.add(verdict.isAllowed() ? null : RecipientResult.refused(recipient, verdict.refusal(), verdict.reason()));
        }
        quotas.reserve(company, user.getDepartment(), accepted.size() * sms.segmentCount());

        List<Long> queued = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < recipients.size(); i++) {
            if (results.get(i) != null) {
                continue;
            }
            String destination = accepted.get(next++);
            SmsMessage message = new SmsMessage(user, destination, replyPaths.senderNumberFor(user, destination),
                    cipher.encrypt(text), sms.alphabet().dataCoding(), sms.segmentCount(), how.confirmDelivery(),
                    how.sendAt());
            message.setContactName(Recipient.parse(recipients.get(i)).name());
            em.persist(message);
            if (message.getStatus() == MessageStatus.PENDING) {
                queued.add(message.getId());
            }
            results.set(i, RecipientResult.accepted(recipients.get(i), message.getId(), message.getStatus()));
        }
        queue.enqueue(queued);
        LOG.info(() -> String.format("'%s' sent %d of %d messages (%d segments each), %d queued now",
                user.getUsername(), accepted.size(), recipients.size(), sms.segmentCount(), queued.size()));
        return results;
    }

    /** The caller's own messages among {@code ids}; others' ids are left out as if unknown. */
    public List<MessageReport> status(String serial, List<Long> ids)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        User user = activations.userOf(serial);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_STATUS_IDS) {
            throw new InvalidRequestException("Ask for the status of 1 to " + MAX_STATUS_IDS + " message ids.");
        }
        if (ids.contains(null)) {
            // What the SOAP layer makes of a messageId that is not a number.
            throw new InvalidRequestException("A message id is a number, as sendMessage returned it.");
        }
        return em.createNamedQuery("SmsMessage.findOwnByIds", SmsMessage.class)
                .setParameter("user", user).setParameter("ids", ids)
                .getResultStream().map(MessageReport::of).toList();
    }

    private static void requireContent(List<String> recipients, String text) throws InvalidRequestException {
        if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidRequestException("A message needs 1 to " + MAX_RECIPIENTS + " recipients.");
        }
        if (text == null || text.isEmpty()) {
            throw new InvalidRequestException("The message text is empty.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("The message text is longer than " + MAX_TEXT_LENGTH + " characters.");
        }
    }

    private static void requireFits(Company company, EncodedSms sms, SendOptions how) throws MessageTooLongException {
        if (sms.segmentCount() == 1) {
            return;
        }
        boolean splitAllowed = company.isSplitLongMessages() && !Boolean.FALSE.equals(how.split());
        if (!splitAllowed) {
            throw new MessageTooLongException(String.format(
                    "The text needs %d SMS segments but splitting is off: at most %d characters in %s.",
                    sms.segmentCount(), sms.alphabet() == EncodedSms.Alphabet.GSM7 ? 160 : 70, sms.alphabet()));
        }
        if (sms.segmentCount() > company.getMaxSegments()) {
            throw new MessageTooLongException(String.format(
                    "The text needs %d SMS segments; the company allows at most %d.",
                    sms.segmentCount(), company.getMaxSegments()));
        }
    }
}
