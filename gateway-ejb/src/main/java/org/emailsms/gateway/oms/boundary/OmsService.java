package org.emailsms.gateway.oms.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.PasswordChangeRequiredException;
import org.emailsms.gateway.message.boundary.MessageService;
import org.emailsms.gateway.message.boundary.MessageTooLongException;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.oms.control.OmsSettings;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/**
 * What Outlook's text messaging asks of the gateway, beyond the protocol's envelopes: who a user is,
 * and the sending of a message. A message goes through the same acceptance as the add-ins' (numbers,
 * restriction list, quotas, reply path, scheduling) after the checks of this channel: the company
 * accepts its source, it asks for text messages, and it keeps to the limits the service announces.
 */
@Stateless
public class OmsService {

    @EJB
    OmsAccess access;

    @EJB
    MessageService messages;

    @Inject
    OmsSettings settings;

    public OutlookUser userInfo(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, OutlookNotEnabledException {
        return access.signIn(username, password, clientIp);
    }

    /** One result per recipient, as sendMessage gives them. Signing in and sending commit apart, like sendMessage. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RecipientResult> deliver(OutlookMessage message, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            PasswordChangeRequiredException, OutlookNotEnabledException, SourceNotAcceptedException, ServiceNotOfferedException,
            InvalidRequestException, MessageTooLongException, QuotaExceededException {
        return deliverAs(access.signIn(message.userId(), message.password(), clientIp), message);
    }

    /**
     * One message of a batch: the sign-in is the batch's ({@link BatchSignIns}), so that each
     * distinct user is checked once and nothing more after a refusal.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<RecipientResult> deliver(OutlookMessage message, String clientIp, BatchSignIns batch)
            throws GatewayException {
        OutlookUser user = batch.signIn(message.userId(), message.password(),
                () -> access.signIn(message.userId(), message.password(), clientIp));
        return deliverAs(user, message);
    }

    private List<RecipientResult> deliverAs(OutlookUser user, OutlookMessage message)
            throws ServiceNotOfferedException, InvalidRequestException, SourceNotAcceptedException,
            MessageTooLongException, QuotaExceededException, AccountDisabledException {
        String service = message.requiredService() == null ? "SMS_SENDER" : message.requiredService().strip();
        if (!service.equalsIgnoreCase("SMS_SENDER")) {
            throw new ServiceNotOfferedException(service);
        }
        MessageSource source = MessageSource.ofOmsName(message.sourceType()).orElseThrow(() -> new InvalidRequestException(
                "'" + message.sourceType() + "' is not a source type of Outlook or SharePoint."));
        if (source.isAutomatic() && !user.acceptedSources().contains(source.name())) {
            throw new SourceNotAcceptedException("Your company does not accept " + describe(source)
                    + " sent as text messages; ask your administrator.");
        }
        List<String> recipients = message.recipients() == null ? List.of() : message.recipients();
        if (recipients.size() > settings.maxRecipients()) {
            throw new InvalidRequestException("A text message may have at most " + settings.maxRecipients() + " recipients.");
        }
        int maxParts = source == MessageSource.CAL_SUMMARY ? OmsSettings.MAX_PARTS_CALENDAR_SUMMARY : OmsSettings.MAX_PARTS;
        if (message.parts() == null || message.parts().size() > maxParts) {
            throw new InvalidRequestException("A text message may have at most " + maxParts + " parts.");
        }
        // A time in the past means now, as the protocol has it.
        Instant sendAt = message.scheduled() != null && message.scheduled().isAfter(Instant.now()) ? message.scheduled() : null;
        return messages.sendParts(user.id(), recipients, message.parts(), new SendOptions(sendAt, null, false, source));
    }

    private static String describe(MessageSource source) {
        return switch (source) {
            case REMINDER -> "reminders";
            case CAL_SUMMARY -> "calendar summaries";
            case RULE_BASED -> "mail forwarded by rules";
            case WSS_ALERT -> "SharePoint alerts";
            default -> source.omsName().toLowerCase(Locale.ROOT);
        };
    }
}
