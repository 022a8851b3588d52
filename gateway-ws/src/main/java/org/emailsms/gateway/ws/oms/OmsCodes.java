package org.emailsms.gateway.ws.oms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.boundary.PasswordChangeRequiredException;
import org.emailsms.gateway.message.boundary.MessageTooLongException;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.oms.boundary.OutlookNotEnabledException;
import org.emailsms.gateway.oms.boundary.ServiceNotOfferedException;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/**
 * The gateway's refusals as OMS error codes, which Outlook shows to the user:
 * wrong credentials, a blocked account or a password that must first be changed {@code invalidUser}; a disabled user, department or company
 * {@code expiredUser}; Outlook switched off for the company {@code unregisteredUser}; MMS
 * {@code unregisteredService}; an invalid number and a number not on the company's list alike
 * {@code invalidRecipient} (the carrier-based {@code crossCarrier} does not fit a restriction list);
 * the daily quota {@code perDayMsgLimit} with the limit; a part too long {@code lengthLimit}; too many
 * recipients or parts, a source the company refuses, and anything else {@code other}.
 */
final class OmsCodes {

    private static final Logger LOG = Logger.getLogger(OmsCodes.class.getName());

    private OmsCodes() {
    }

    /** A refusal of the whole message (or of the sign-in), concerning all its recipients where it says so. */
    static OmsError of(GatewayException refusal, List<String> recipients) {
        if (refusal instanceof AuthenticationFailedException || refusal instanceof AccountLockedException
                || refusal instanceof PasswordChangeRequiredException) {
            return OmsError.failure("invalidUser", refusal.getMessage());
        }
        if (refusal instanceof AccountDisabledException) {
            return OmsError.failure("expiredUser", refusal.getMessage());
        }
        if (refusal instanceof OutlookNotEnabledException) {
            return OmsError.failure("unregisteredUser", refusal.getMessage());
        }
        if (refusal instanceof ServiceNotOfferedException notOffered) {
            return OmsError.failure("unregisteredService", notOffered.service());
        }
        if (refusal instanceof QuotaExceededException quota) {
            return OmsError.failure("perDayMsgLimit", quota.dailyQuota() + " SMS", recipients);
        }
        if (refusal instanceof MessageTooLongException) {
            return OmsError.failure("lengthLimit", refusal.getMessage(), recipients);
        }
        return OmsError.failure("other", refusal.getMessage(), recipients);
    }

    /** A fault of the gateway's own: nothing was sent; the details are only in the log. */
    static OmsError internal(RuntimeException e, List<String> recipients) {
        LOG.log(Level.SEVERE, "Outlook request failed inside the gateway", e);
        return OmsError.failure("other", "The gateway could not take the message; nothing was sent. Try again later.",
                recipients);
    }

    /**
     * What became of each recipient: {@code ok} when all were taken, else one failure per kind with
     * the recipients it concerns (the ones not named were sent).
     */
    static List<OmsError> of(List<RecipientResult> results) {
        Map<String, List<String>> refused = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RecipientResult result : results) {
            if (result.error() != null) {
                String code = result.error() == ErrorCode.INVALID_DESTINATION || result.error() == ErrorCode.DESTINATION_NOT_ALLOWED
                        ? "invalidRecipient" : "other";
                refused.computeIfAbsent(code, c -> new ArrayList<>()).add(result.recipient());
                reasons.putIfAbsent(code, result.errorMessage());
            }
        }
        if (refused.isEmpty()) {
            return List.of(OmsError.ok());
        }
        List<OmsError> errors = new ArrayList<>();
        refused.forEach((code, recipients) -> errors.add(OmsError.failure(code, reasons.get(code), recipients)));
        return errors;
    }
}
