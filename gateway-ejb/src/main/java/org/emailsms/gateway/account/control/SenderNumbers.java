package org.emailsms.gateway.account.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * The sender numbers a provider gives to one company (table {@code company_sender_number}): its
 * messages go out from these before the shared pool, and no other company's ever do. Native SQL:
 * the table is a plain list of (number, company) with no behaviour to put in an entity.
 */
@Dependent
public class SenderNumbers {

    @PersistenceContext
    EntityManager em;

    public SenderNumbers() {
    }

    /** Outside the container, for the database tests. */
    public SenderNumbers(EntityManager em) {
        this.em = em;
    }

    public List<String> ofCompany(long companyId) {
        return em.createNativeQuery("SELECT sender_number FROM company_sender_number WHERE company_id = ?1 ORDER BY sender_number")
                .setParameter(1, companyId).getResultList().stream().map(String::valueOf).toList();
    }

    /** Every number that belongs to some company (none of them is shared), and whose it is; one query. */
    public Map<String, Long> assigned() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT sender_number, company_id FROM company_sender_number")
                .getResultList();
        Map<String, Long> assigned = new TreeMap<>();
        rows.forEach(row -> assigned.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return assigned;
    }

    /**
     * The company's numbers become exactly these (international, or national numbers of the company's
     * home country); all or none: an invalid number, or one of another company, refuses the whole
     * list. Returns them in E.164.
     */
    public List<String> replace(Company company, List<String> numbers) throws InvalidRequestException {
        List<String> e164 = new ArrayList<>();
        for (String raw : numbers == null ? List.<String>of() : numbers) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String number = PhoneNumbers.senderE164(raw.strip(), company.getHomeCountry()).orElseThrow(
                    () -> new InvalidRequestException("'" + raw.strip() + "' is not a phone number: nothing was changed."));
            if (!e164.contains(number)) {
                e164.add(number);
            }
        }
        for (String number : e164) {
            List<?> owner = em.createNativeQuery("SELECT company_id FROM company_sender_number WHERE sender_number = ?1")
                    .setParameter(1, number).getResultList();
            if (!owner.isEmpty() && ((Number) owner.get(0)).longValue() != company.getId()) {
                throw new InvalidRequestException("The sender number " + number + " belongs to another company.");
            }
        }
        em.createNativeQuery("DELETE FROM company_sender_number WHERE company_id = ?1").setParameter(1, company.getId())
                .executeUpdate();
        for (String number : e164) {
            em.createNativeQuery("INSERT INTO company_sender_number (sender_number, company_id) VALUES (?1, ?2)")
                    .setParameter(1, number).setParameter(2, company.getId()).executeUpdate();
        }
        return e164;
    }
}
