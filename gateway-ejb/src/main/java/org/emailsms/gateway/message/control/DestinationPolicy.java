package org.emailsms.gateway.message.control;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.Company;
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

    /**
     * Whether the company has a list of allowed numbers: asked once per request, not once per
     * recipient (a 1,000-recipient send to an unrestricted company is then one query, not 2,000).
     */
    public boolean isRestricted(Company company) {
        return !em.createNativeQuery("SELECT 1 FROM destination_restriction WHERE company_id = ?1")
                .setParameter(1, company.getId()).setMaxResults(1).getResultList().isEmpty();
    }

    /** {@code restricted} is what {@link #isRestricted} said for this request. */
    public Verdict check(Company company, boolean restricted, String number) {
        Optional<String> e164 = PhoneNumbers.mobileE164(number, company.getHomeCountry());
        if (e164.isEmpty()) {
            return Verdict.refused(ErrorCode.INVALID_DESTINATION, "'" + number + "' is not a valid mobile number.");
        }
        String country = PhoneNumbers.countryOf(e164.get()).orElse("");
        if (!company.getAllowedCountries().contains(country)) {
            return Verdict.refused(ErrorCode.DESTINATION_NOT_ALLOWED,
                    e164.get() + " is in " + country + ", which is not an allowed destination country.");
        }
        if (restricted && !isListed(company, e164.get())) {
            return Verdict.refused(ErrorCode.DESTINATION_NOT_ALLOWED,
                    e164.get() + " is not on the company's list of allowed destinations.");
        }
        return Verdict.allowed(e164.get());
    }

    private boolean isListed(Company company, String e164) {
        return !em.createNativeQuery("SELECT 1 FROM destination_restriction WHERE company_id = ?1 AND number = ?2")
                .setParameter(1, company.getId()).setParameter(2, e164).getResultList().isEmpty();
    }
}
