package org.emailsms.gateway.message.control;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * Whether a company may text a number: a valid mobile number, in one of
 * the company's allowed countries, and on its restriction list when it has one.
 */
@Dependent
public class DestinationPolicy {

    /** The number in E.164, or why it is refused. */
    public record Verdict(String e164, ErrorCode refusal, String reason) {

        static Verdict allowed(String e164) {
            return new Verdict(e164, null, null);
        }

        static Verdict refused(ErrorCode code, String reason) {
            return new Verdict(null, code, reason);
        }

        public boolean isAllowed() {
            return refusal == null;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** Whether {@code sender}'s company may text {@code number}. */
    public Verdict check(Sender sender, String number) {
        Optional<String> e164 = PhoneNumbers.mobileE164(number, sender.homeCountry());
        if (e164.isEmpty()) {
            return Verdict.refused(ErrorCode.INVALID_DESTINATION, "'" + number + "' is not a valid mobile number.");
        }
        String country = PhoneNumbers.countryOf(e164.get()).orElse("");
        if (!sender.allowedCountries().contains(country)) {
            return Verdict.refused(ErrorCode.DESTINATION_NOT_ALLOWED,
                    e164.get() + " is in " + country + ", which is not an allowed destination country.");
        }
        if (sender.destinationsRestricted() && !isListed(sender.companyId(), e164.get())) {
            return Verdict.refused(ErrorCode.DESTINATION_NOT_ALLOWED,
                    e164.get() + " is not on the company's list of allowed destinations.");
        }
        return Verdict.allowed(e164.get());
    }

    private boolean isListed(long company, String e164) {
        return !em.createNativeQuery("SELECT 1 FROM destination_restriction WHERE company_id = ?1 AND number = ?2")
                .setParameter(1, company).setParameter(2, e164).getResultList().isEmpty();
    }
}
