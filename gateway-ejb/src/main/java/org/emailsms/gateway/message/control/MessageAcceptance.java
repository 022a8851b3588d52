package org.emailsms.gateway.message.control;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.boundary.MessageTooLongException;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.control.DestinationPolicy.Verdict;
import org.emailsms.gateway.message.control.ReplyPathResolver.ReplyPath;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Every check before a message is accepted (a live serial; user, department and company active;
 * each destination valid and allowed; the daily quotas; the length), then each recipient's message
 * stored (content encrypted) with its reply path, in one
 * database transaction: any refusal stores nothing. Queueing is the caller's, after the commit.
 */
@Dependent
public class MessageAcceptance {

    private static final Logger LOG = Logger.getLogger(MessageAcceptance.class.getName());
    private static final int MAX_RECIPIENTS = 1_000;
    private static final int MAX_TEXT_LENGTH = 10_000;

    /** What was accepted: the answer for each recipient and the ids to queue now. */
    public record Accepted(List<RecipientResult> results, List<Long> toQueue) {
    }

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
    ContentCipher cipher;

    /**
     * A request to at most this many recipients is interactive: its messages are delivered ahead
     * of bulk sends, released schedules and retries, so a person's text is not stuck behind a campaign.
     */
    @Inject
    @ConfigProperty(name = "gateway.delivery.interactive-recipients", defaultValue = "5")
    int interactiveRecipients;

    @Transactional(rollbackOn = Exception.class)
    public Accepted accept(String serial, List<String> recipients, String text, SendOptions options)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException, QuotaExceededException {
        User user = activations.userOf(serial);
        requireContent(recipients, text);
        SendOptions how = options == null ? SendOptions.defaults() : options;
        EncodedSms sms = EncodedSms.of(text);
        requireFits(companyOf(user), sms, how);
        return store(user, recipients, text, sms, how);
    }

    /**
     * Outlook's text messages: each part goes as an SMS of its own, in order, so each must fit one
     * SMS. The user was signed in by the caller; its account is checked again here.
     */
    @Transactional(rollbackOn = Exception.class)
    public Accepted acceptParts(long userId, List<String> recipients, List<String> parts, SendOptions options)
            throws AccountDisabledException, InvalidRequestException, MessageTooLongException, QuotaExceededException {
        User user = em.find(User.class, userId);
        if (user == null || !user.isActiveWithOrganisation()) {
            throw new AccountDisabledException("The account, its department or its company is disabled.");
        }
        if (parts == null || parts.isEmpty() || parts.stream().anyMatch(p -> p == null || p.isEmpty())) {
            throw new InvalidRequestException("The message text is empty.");
        }
        String text = String.join(String.valueOf(SmsMessage.PART_SEPARATOR), parts);
        requireContent(recipients, text);
        EncodedSms sms = EncodedSms.separate(parts).orElseThrow(() -> new MessageTooLongException(String.format(
                "Each part may have at most %d single-byte or %d double-byte characters.",
                EncodedSms.singleSegmentLimit(EncodedSms.Alphabet.GSM7), EncodedSms.singleSegmentLimit(EncodedSms.Alphabet.UCS2))));
        companyOf(user); // refuses provider administrators, who belong to no company
        return store(user, recipients, text, sms, options == null ? SendOptions.defaults() : options);
    }

    private static Company companyOf(User user) throws InvalidRequestException {
        if (user.getCompany() == null) {
            throw new InvalidRequestException("Provider administrators belong to no company and cannot send.");
        }
        return user.getCompany();
    }

    private Accepted store(User user, List<String> recipients, String text, EncodedSms sms, SendOptions how)
            throws QuotaExceededException {
        Company company = user.getCompany();
        List<RecipientResult> results = new ArrayList<>();
        List<Recipient> parsed = recipients.stream().map(Recipient::parse).toList();
        List<String> accepted = new ArrayList<>();
        boolean restricted = destinations.isRestricted(company);
        for (int i = 0; i < recipients.size(); i++) {
            String recipient = recipients.get(i);
            Verdict verdict = destinations.check(company, restricted, parsed.get(i).number());
            if (verdict.isAllowed()) {
                accepted.add(verdict.e164());
            }
            results.add(verdict.isAllowed() ? null : RecipientResult.refused(recipient, verdict.refusal(), verdict.reason()));
        }
        quotas.reserve(company, user.getDepartment(), accepted.size() * sms.segmentCount());

        List<Long> toQueue = new ArrayList<>();
        boolean interactive = accepted.size() <= interactiveRecipients;
        // Encrypted once for all recipients: the same text under the same nonce tells nothing the
        // rows do not already say (they are one send); a fresh nonce matters only for different texts.
        byte[] content = accepted.isEmpty() ? null : cipher.encrypt(text);
        List<String> senderNumbers = accepted.isEmpty() ? List.of() : replyPaths.candidatesFor(company);
        List<ReplyPath> paths = accepted.isEmpty() ? List.of() : replyPaths.senderNumbersFor(user, accepted, senderNumbers);
        int next = 0;
        for (int i = 0; i < recipients.size(); i++) {
            if (results.get(i) != null) {
                continue;
            }
            ReplyPath replyPath = paths.get(next);
            String destination = accepted.get(next++);
            SmsMessage message = new SmsMessage(user, destination, replyPath.senderNumber(),
                    content, sms.alphabet().dataCoding(), sms.segmentCount(), how.confirmDelivery(),
                    how.sendAt(), how.source(), sms.isSeparate());
            message.setContactName(parsed.get(i).name());
            boolean dueNow = message.getStatus() == MessageStatus.PENDING; // else SCHEDULED: the sweep's
            if (dueNow && interactive) {
                message.interactive();
            }
            em.persist(message);
            if (dueNow) {
                toQueue.add(message.getId());
            }
            results.set(i, RecipientResult.accepted(recipients.get(i), message.getId(), message.getStatus(),
                    replyPath.routable()));
        }
        LOG.fine(() -> String.format("'%s' sent %d of %d messages (%d segments each), %d to queue now",
                user.getUsername(), accepted.size(), recipients.size(), sms.segmentCount(), toQueue.size()));
        return new Accepted(results, toQueue);
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
