package org.emailsms.gateway.account.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * A company's allowed destination numbers (none: any destination), the only writer of
 * {@code destination_restriction}: the portal adds a pasted list and removes one number, the SOAP
 * provisioning API replaces the whole list. Numbers are mobile numbers, stored in E.164.
 */
@Stateless
public class DestinationRestrictions {

    private static final Logger LOG = Logger.getLogger(DestinationRestrictions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    AdminAudit audit;

    /** The company's allowed destination numbers; empty means unrestricted. */
    @SuppressWarnings("unchecked")
    public List<String> list(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createNativeQuery("SELECT number FROM destination_restriction WHERE company_id = ?1 ORDER BY number")
                .setParameter(1, company.getId()).getResultList();
    }

    /**
     * Adds numbers (one per line or separated by commas, as pasted); all or none: one invalid
     * number refuses the whole paste, naming it. Returns how many were new.
     */
    public int add(String actorName, Long companyId, String pasted)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        List<String> numbers = new ArrayList<>();
        for (String raw : (pasted == null ? "" : pasted).split("[,;\\n\\r]+")) {
            if (raw.isBlank()) {
                continue;
            }
            numbers.add(PhoneNumbers.mobileE164(raw.strip(), company.getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + raw.strip() + "' is not a valid mobile number: nothing was added.")));
        }
        if (numbers.isEmpty()) {
            throw new InvalidRequestException("Enter at least one mobile number.");
        }
        List<String> existing = list(actorName, companyId);
        List<String> fresh = numbers.stream().distinct().filter(n -> !existing.contains(n)).toList();
        for (String number : fresh) {
            insert(company, number);
        }
        if (!fresh.isEmpty()) {
            audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "allowed destination numbers",
                    "added: " + fresh);
        }
        LOG.info(() -> String.format("%s added %d allowed destinations for '%s'", actor.getUsername(), fresh.size(),
                company.getName()));
        return fresh.size();
    }

    public void remove(String actorName, Long companyId, String number)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        int removed = em.createNativeQuery("DELETE FROM destination_restriction WHERE company_id = ?1 AND number = ?2")
                .setParameter(1, company.getId()).setParameter(2, number).executeUpdate();
        if (removed > 0) {
            audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "allowed destination numbers",
                    "removed: " + number);
        }
        LOG.info(() -> String.format("%s removed allowed destination %s of '%s'", actor.getUsername(), number,
                company.getName()));
    }

    /**
     * Replaces the list; an empty one lifts the restriction. Every number must be a valid mobile
     * number (one invalid changes nothing); returns them in E.164, sorted.
     */
    public List<String> replace(String actorName, Long companyId, List<String> numbers)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        List<String> e164 = new ArrayList<>();
        for (String number : numbers == null ? List.<String>of() : numbers) {
            e164.add(PhoneNumbers.mobileE164(number, company.getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + number + "' is not a valid mobile number.")));
        }
        List<String> distinct = e164.stream().distinct().sorted().toList();
        em.createNativeQuery("DELETE FROM destination_restriction WHERE company_id = ?1")
                .setParameter(1, company.getId()).executeUpdate();
        for (String number : distinct) {
            insert(company, number);
        }
        audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "allowed destination numbers",
                distinct.isEmpty() ? "none: any destination allowed" : distinct.size() + " numbers: " + distinct);
        LOG.info(() -> String.format("%s set %d allowed destinations for '%s'", actor.getUsername(), distinct.size(),
                company.getName()));
        return distinct;
    }

    private void insert(Company company, String number) {
        em.createNativeQuery("INSERT INTO destination_restriction (company_id, number) VALUES (?1, ?2)")
                .setParameter(1, company.getId()).setParameter(2, number).executeUpdate();
    }
}
