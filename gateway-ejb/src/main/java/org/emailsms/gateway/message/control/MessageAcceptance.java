package org.emailsms.gateway.message.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.boundary.Compression;
import org.emailsms.gateway.message.boundary.Deliveries;
import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.MessageTooLongException;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.control.DestinationPolicy.Verdict;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.message.control.ReplyPathResolver.Conversations;
import org.emailsms.gateway.message.control.ReplyPathResolver.ReplyPath;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Every check before a message is accepted (a live serial; user, department and company active;
 * each destination valid and allowed; the length), reading only; then the store: the daily quotas
 * taken and each recipient's message stored (content encrypted) with its reply path, in one
 * database transaction with other requests' stores or on its own. A refusal stores nothing of its
 * request. Queueing is the caller's, after the commit.
 */
@Dependent
public class MessageAcceptance {

    private static final Logger LOG = Logger.getLogger(MessageAcceptance.class.getName());
    private static final int MAX_RECIPIENTS = 1_000;
    private static final int MAX_TEXT_LENGTH = 10_000;

    /**
     * What was accepted: the answer for each recipient, the ids of messages due now that no node
     * holds (the outbound queue prompts a claim of them), and the messages due now that this node
     * holds from their insert, to hand to its pipeline once they have committed.
     */
    public record Accepted(List<RecipientResult> results, List<Long> toQueue, List<Delivery> toDeliver) {

        public Accepted(List<RecipientResult> results, List<Long> toQueue) {
            this(results, toQueue, List.of());
        }
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

    @Inject
    SendRequests requests;

    @Inject
    Dictionaries dictionaries;

    @Inject
    Routes routes;

    @EJB
    Deliveries deliveries;

    /**
     * A request to at most this many recipients is interactive: its messages are delivered ahead
     * of bulk sends, released schedules and retries, so a person's text is not stuck behind a campaign.
     */
    @Inject
    @ConfigProperty(name = "gateway.delivery.interactive-recipients", defaultValue = "5")
    int interactiveRecipients;

    /**
     * A request that passed every check: who sends, what goes to whom. Storing it can still be
     * refused by the daily quotas, which only the store can take from.
     *
     * @param results   the answer for each recipient, in order: a refusal, or null where the
     *                  destination is allowed (the store fills in the message)
     * @param allowed   the allowed recipients' numbers in E.164, in order
     * @param routes    for each allowed recipient, the carriers its message goes through (empty: the
     *                  default carrier)
     * @param content   the text encrypted, once for all recipients (null if none is allowed)
     * @param compression what the dictionaries saved, for the answer (null when not compressed)
     */
    public record Checked(Sender user, List<String> recipients, List<Recipient> parsed, EncodedSms sms,
                          SendOptions how, List<RecipientResult> results, List<String> allowed,
                          List<List<String>> routes, byte[] content, Compression compression, boolean answered) {

        /** Every allowed recipient through the default carrier. */
        public Checked(Sender user, List<String> recipients, List<Recipient> parsed, EncodedSms sms, SendOptions how,
                       List<RecipientResult> results, List<String> allowed, byte[] content) {
            this(user, recipients, parsed, sms, how, results, allowed,
                    allowed.stream().map(each -> List.<String>of()).toList(), content, null, false);
        }

        /** A request whose id was answered before: {@code results} is that answer, nothing is to be stored. */
        static Checked answeredBefore(Sender user, SendOptions how, List<RecipientResult> answer) {
            return new Checked(user, List.of(), List.of(), null, how, answer, List.of(), List.of(), null, null, true);
        }

        Checked compressed(Compression saved) {
            return new Checked(user, recipients, parsed, sms, how, results, allowed, routes, content, saved, answered);
        }
    }

    /** A checked request once stored, or the quota that refused it, or the failure that kept it out. */
    public record Stored(Accepted accepted, QuotaExceededException refused, RuntimeException failure) {
        Stored(Accepted accepted, QuotaExceededException refused) {
            this(accepted, refused, null);
        }

        Accepted acceptedOrThrow() throws QuotaExceededException {
            if (refused != null) {
                throw refused;
            }
            return accepted;
        }
    }

    /**
     * Every check of an add-in's request, reading only, in no transaction (its caller runs none): most
     * requests read one row (the sender's), and a transaction around it cost its begin, the
     * connection's enlistment and its commit. A request id, dictionaries or a list of allowed
     * numbers read more, each on a connection of its own. No transaction annotation either: its
     * interceptor alone was a hundredth of the gateway's CPU under load.
     */
    public Checked check(String serial, List<String> recipients, String text, SendOptions options)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException,
            MessageTooLongException {
        Sender user = activations.senderOf(serial);
        SendOptions how = options == null ? SendOptions.defaults() : options;
        if (how.requestId() != null) {
            requireRequestId(how.requestId());
            Optional<List<RecipientResult>> earlier = requests.answerTo(user.userId(), how.requestId());
            if (earlier.isPresent()) {
                LOG.fine(() -> "'" + user.username() + "' sent request " + how.requestId() + " again: answered as before");
                return Checked.answeredBefore(user, how, earlier.get());
            }
        }
        requireContent(recipients, text);
        if (!how.compress()) {
            EncodedSms sms = EncodedSms.of(text);
            companyOf(user);
            requireFits(user, sms, how);
            return checkDestinations(user, recipients, text, sms, how);
        }
        long company = companyOf(user);
        String compressed = TextCompression.compress(text, dictionaries.replacementsFor(company, user.userId()));
        EncodedSms before = EncodedSms.of(text);
        EncodedSms sms = EncodedSms.of(compressed);
        requireFits(user, sms, how);
        return checkDestinations(user, recipients, compressed, sms, how).compressed(new Compression(
                text.codePointCount(0, text.length()), before.segmentCount(),
                compressed.codePointCount(0, compressed.length()), sms.segmentCount()));
    }

    /**
     * Outlook's text messages: each part goes as an SMS of its own, in order, so each must fit one
     * SMS. The user was signed in by the caller; its account is checked again here.
     */
    @Transactional(rollbackOn = Exception.class)
    public Checked checkParts(long userId, List<String> recipients, List<String> parts, SendOptions options)
            throws AccountDisabledException, InvalidRequestException, MessageTooLongException {
        Sender user = activations.sender(userId);
        if (parts == null || parts.isEmpty() || parts.stream().anyMatch(p -> p == null || p.isEmpty())) {
            throw new InvalidRequestException("The message text is empty.");
        }
        long company = companyOf(user); // refuses provider administrators, who belong to no company
        if (user.omsCompress()) {
            Map<String, String> replacements = dictionaries.replacementsFor(company, user.userId());
            parts = parts.stream().map(part -> TextCompression.compress(part, replacements)).toList();
        }
        String text = String.join(String.valueOf(SmsMessage.PART_SEPARATOR), parts);
        requireContent(recipients, text);
        EncodedSms sms = EncodedSms.separate(parts).orElseThrow(() -> new MessageTooLongException(String.format(
                "Each part may have at most %d single-byte or %d double-byte characters.",
                EncodedSms.singleSegmentLimit(EncodedSms.Alphabet.GSM7), EncodedSms.singleSegmentLimit(EncodedSms.Alphabet.UCS2))));
        return checkDestinations(user, recipients, text, sms, options == null ? SendOptions.defaults() : options);
    }

    /**
     * The answer already given to a request with the same id as this one's, if any: what a store
     * that failed on that id's key gives its caller instead.
     */
    @Transactional
    public Optional<List<RecipientResult>> answerBefore(Checked request) {
        String requestId = request.how().requestId();
        return requestId == null ? Optional.empty() : requests.answerTo(request.user().userId(), requestId);
    }

    /** Stores one checked request in a transaction of its own: a quota refusal stores nothing. */
    @Transactional(rollbackOn = Exception.class)
    public Accepted store(Checked request) throws QuotaExceededException {
        return storeAll(List.of(request)).get(0).acceptedOrThrow();
    }

    /**
     * Stores several checked requests in one transaction (one commit for all): a request refused by
     * a quota stores nothing of its own and leaves the others stored. Any other failure rolls all
     * of them back, and the caller stores them one by one.
     */
    @Transactional
    public List<Stored> storeAll(List<Checked> group) {
        // Nothing this transaction reads (quotas, reply paths, request ids, sender numbers) is in the
        // messages it persists: without this, every query flushed the messages so far, one small
        // batch per request instead of the group's inserts in one batch at the commit.
        em.setFlushMode(FlushModeType.COMMIT);
        List<Stored> stored = new ArrayList<>(group.size());
        Shared shared = new Shared(replyPaths.assignedNumbers(),
                replyPaths.conversations(group.stream().flatMap(request -> request.allowed().stream()).toList()),
                deliveries == null ? (count, interactive) -> null : deliveries.memory());
        for (Checked request : group) {
            try {
                stored.add(new Stored(write(request, shared), null));
            } catch (QuotaExceededException refused) {
                stored.add(new Stored(null, refused));
            }
        }
        shared.conversations().write();
        return stored;
    }

    private static long companyOf(Sender user) throws InvalidRequestException {
        if (user.companyId() == null) {
            throw new InvalidRequestException("Provider administrators belong to no company and cannot send.");
        }
        return user.companyId();
    }

    // Package-private for the tests, which give it a user read in their own transaction.
    Checked checkDestinations(Sender user, List<String> recipients, String text, EncodedSms sms, SendOptions how) {
        List<RecipientResult> results = new ArrayList<>();
        List<Recipient> parsed = recipients.stream().map(Recipient::parse).toList();
        List<Verdict> verdicts = parsed.stream().map(recipient -> destinations.check(user, recipient.number())).toList();
        // Interactive (delivered ahead of bulk) when few go: as write() decides it, before the routes refuse any.
        boolean interactive = verdicts.stream().filter(Verdict::isAllowed).count() <= interactiveRecipients;
        List<String> allowed = new ArrayList<>();
        List<List<String>> carriers = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Verdict verdict = verdicts.get(i);
            Optional<List<String>> route = verdict.isAllowed()
                    ? routes.carriersFor(user, verdict.e164(), interactive, how.source()) : Optional.empty();
            if (verdict.isAllowed() && route.isEmpty()) {
                results.add(RecipientResult.refused(recipients.get(i), ErrorCode.DESTINATION_NOT_ALLOWED,
                        "No carrier of this gateway takes messages to " + verdict.e164() + " from this company."));
                continue;
            }
            if (verdict.isAllowed()) {
                allowed.add(verdict.e164());
                carriers.add(route.get());
            }
            results.add(verdict.isAllowed() ? null : RecipientResult.refused(recipients.get(i), verdict.refusal(), verdict.reason()));
        }
        // Encrypted once for all recipients: the same text under the same nonce tells nothing the
        // rows do not already say (they are one send); a fresh nonce matters only for different texts.
        byte[] content = allowed.isEmpty() ? null : cipher.encrypt(text);
        return new Checked(user, recipients, parsed, sms, how, results, allowed, carriers, content, null, false);
    }

    /** What the requests of one group read once: sender numbers, their recipients' conversations, the pipeline's memory. */
    private record Shared(Map<String, Long> assignedNumbers, Conversations conversations, Deliveries.Memory memory) {
    }

    /** The quota taken, the reply paths chosen and each allowed recipient's message stored; before the commit. */
    private Accepted write(Checked request, Shared shared) throws QuotaExceededException {
        Sender user = request.user();
        EncodedSms sms = request.sms();
        SendOptions how = request.how();
        List<String> allowed = request.allowed();
        quotas.reserve(user, allowed.size() * sms.segmentCount());

        List<RecipientResult> results = new ArrayList<>(request.results());
        List<Long> toQueue = new ArrayList<>();
        List<Delivery> toDeliver = new ArrayList<>();
        boolean interactive = allowed.size() <= interactiveRecipients;
        boolean dueNow = how.sendAt() == null || !how.sendAt().isAfter(Instant.now());
        // This node delivers what it accepts from memory while its pipeline has room (an interactive
        // request even when not): claimed in the insert, so no claim is written for it; what does not
        // fit is claimed from the database.
        String holder = dueNow && !allowed.isEmpty() ? shared.memory().claimantFor(allowed.size(), interactive) : null;
        List<ReplyPath> paths = allowed.isEmpty() ? List.of() : replyPathsFor(user, allowed, request.routes(), shared);
        // The user was read by the check, in another transaction: the messages refer to it by id.
        User sender = allowed.isEmpty() ? null : em.getReference(User.class, user.userId());
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null) {
                continue;
            }
            ReplyPath replyPath = paths.get(next);
            List<String> route = request.routes().get(next);
            String destination = allowed.get(next++);
            SmsMessage message = new SmsMessage(sender, user.companyId(), user.departmentId(), destination,
                    replyPath.senderNumber(), request.content(), sms.alphabet().dataCoding(), sms.segmentCount(),
                    how.confirmDelivery(), how.sendAt(), how.source(), sms.isSeparate());
            message.setContactName(request.parsed().get(i).name());
            message.routeThrough(route);
            boolean pending = message.getStatus() == MessageStatus.PENDING; // else SCHEDULED: the sweep's
            if (pending && interactive) {
                message.interactive();
            }
            if (pending && holder != null) {
                message.heldBy(holder);
            }
            em.persist(message);
            if (pending && holder != null) {
                toDeliver.add(deliveryOf(message, holder));
            } else if (pending) {
                toQueue.add(message.getId());
            }
            RecipientResult accepted = RecipientResult.accepted(request.recipients().get(i), message.getId(),
                    message.getStatus(), replyPath.routable());
            results.set(i, request.compression() == null ? accepted : accepted.withCompression(request.compression()));
        }
        if (how.requestId() != null) {
            requests.remember(user.userId(), how.requestId(), results);
        }
        LOG.fine(() -> String.format("'%s' sent %d of %d messages (%d segments each), %d to deliver from memory, %d to queue",
                user.username(), allowed.size(), results.size(), sms.segmentCount(), toDeliver.size(), toQueue.size()));
        return new Accepted(results, toQueue, toDeliver);
    }

    /**
     * Each allowed recipient's reply path, in order, chosen among the sender numbers of the carriers
     * on its route (one choice for all of them when they share a route, as they mostly do).
     */
    private List<ReplyPath> replyPathsFor(Sender user, List<String> allowed, List<List<String>> routes, Shared shared) {
        Map<List<String>, List<Integer>> byRoute = new LinkedHashMap<>();
        for (int i = 0; i < allowed.size(); i++) {
            byRoute.computeIfAbsent(routes.get(i), route -> new ArrayList<>()).add(i);
        }
        ReplyPath[] paths = new ReplyPath[allowed.size()];
        byRoute.forEach((route, positions) -> {
            List<String> candidates = replyPaths.candidatesFor(user.companyId(), shared.assignedNumbers(), route);
            List<ReplyPath> chosen = shared.conversations().senderNumbersFor(user.userId(), user.companyId(),
                    positions.stream().map(allowed::get).toList(), candidates);
            for (int k = 0; k < positions.size(); k++) {
                ReplyPath path = chosen.get(k);
                paths[positions.get(k)] = path.routable() ? path : replyPaths.oneWay(route);
            }
        });
        return List.of(paths);
    }

    /** A message just stored, as its first attempt needs it (its ids assigned by the persist). */
    private static Delivery deliveryOf(SmsMessage message, String holder) {
        return new Delivery(message.getId(), holder, message.getPriority(), message.getDestination(),
                message.getSenderNumber(), message.getContent(), message.getDataCoding(), message.getSegments(),
                message.isSeparateParts(), message.isDeliveryConfirmation(), 0, message.getCreatedAt().toInstant(),
                message.getRoute(),
                message.getParts().stream().map(part -> new Delivery.Part(part.getId(), part.getPartNumber())).toList());
    }

    private static void requireRequestId(String requestId) throws InvalidRequestException {
        if (requestId.isBlank() || requestId.length() > SendOptions.MAX_REQUEST_ID
                || requestId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidRequestException("A request id is 1 to " + SendOptions.MAX_REQUEST_ID
                    + " printable ASCII characters without spaces, such as a UUID.");
        }
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

    private static void requireFits(Sender sender, EncodedSms sms, SendOptions how) throws MessageTooLongException {
        if (sms.segmentCount() == 1) {
            return;
        }
        boolean splitAllowed = sender.splitLongMessages() && !Boolean.FALSE.equals(how.split());
        if (!splitAllowed) {
            throw new MessageTooLongException(String.format(
                    "The text needs %d SMS segments but splitting is off: at most %d characters in %s.",
                    sms.segmentCount(), sms.alphabet() == EncodedSms.Alphabet.GSM7 ? 160 : 70, sms.alphabet()));
        }
        if (sms.segmentCount() > sender.maxSegments()) {
            throw new MessageTooLongException(String.format(
                    "The text needs %d SMS segments; the company allows at most %d.",
                    sms.segmentCount(), sender.maxSegments()));
        }
    }
}
