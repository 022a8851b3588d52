package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.LockoutPolicy;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Activation;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * The portal's company pages by id: settings, quotas, login criteria, departments
 * and the destination restriction list. Every call names the acting administrator; {@link Tenancy}
 * keeps a company administrator inside its own company.
 */
@Stateless
public class CompanyAdministration {

    private static final Logger LOG = Logger.getLogger(CompanyAdministration.class.getName());
    private static final int MAX_SEGMENTS_LIMIT = 255;

    @PersistenceContext
    EntityManager em;

    @Inject
    LockoutPolicy lockout;

    @Inject
    SenderNumbers senderNumbers;

    @Inject
    Tenancy tenancy;

    @Inject
    AdminAudit audit;

    /** Every company for the provider's administrators; the own one for a company administrator. */
    public List<Company> companies(String actorName) throws NotAuthorizedException {
        User actor = tenancy.administrator(actorName);
        if (actor.getRole() == Role.COMPANY_ADMIN) {
            return List.of(actor.getCompany());
        }
        return em.createQuery("SELECT c FROM Company c ORDER BY c.name", Company.class).getResultList();
    }

    public Company company(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        return tenancy.company(tenancy.administrator(actorName), companyId);
    }

    /** The settings a provider administrator edits: everything but the login criteria. */
    public void changeSettings(String actorName, Long companyId, CompanySettings settings)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.providerAdministrator(actorName);
        Company company = tenancy.company(actor, companyId);
        if (settings.name() == null || settings.name().isBlank() || settings.name().strip().length() > 120) {
            throw new InvalidRequestException("A company needs a name of at most 120 characters.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.timeZone().strip());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("'" + settings.timeZone() + "' is not a time zone such as Australia/Sydney.");
        }
        for (String country : settings.allowedCountries()) {
            if (!PhoneNumbers.isKnownCountry(country)) {
                throw new InvalidRequestException("'" + country + "' is not a country with a numbering plan.");
            }
        }
        if (settings.dailyQuota() != null && settings.dailyQuota() < 0) {
            throw new InvalidRequestException("A daily quota cannot be negative.");
        }
        if (settings.maxSegments() < 1 || settings.maxSegments() > MAX_SEGMENTS_LIMIT) {
            throw new InvalidRequestException("The segment limit is between 1 and " + MAX_SEGMENTS_LIMIT + ".");
        }
        String name = settings.name().strip();
        boolean nameTaken = !em.createNamedQuery("Company.findByName", Company.class).setParameter("name", name)
                .getResultStream().filter(other -> !other.sameAs(company)).toList().isEmpty();
        if (nameTaken) {
            throw new InvalidRequestException("A company named '" + name + "' exists already.");
        }
        AdminAudit.Changes changed = AdminAudit.changes().of("name", company.getName(), name)
                .of("time zone", company.getTimeZone(), zone)
                .of("allowed countries", new TreeSet<>(company.getAllowedCountries()), new TreeSet<>(settings.allowedCountries()))
                .of("daily quota", company.getDailyQuota(), settings.dailyQuota())
                .of("split long messages", company.isSplitLongMessages(), settings.splitLongMessages())
                .of("segment limit", company.getMaxSegments(), settings.maxSegments())
                .of("delivery confirmation", company.isDeliveryConfirmation(), settings.deliveryConfirmation());
        company.changeName(name);
        company.changeTimeZone(zone);
        company.allowDestinationCountries(settings.allowedCountries());
        company.limitDailyQuota(settings.dailyQuota());
        company.changeMessageSettings(settings.splitLongMessages(), settings.maxSegments(), settings.deliveryConfirmation());
        settingsChanged(actor, company, "company settings", changed);
        LOG.info(() -> String.format("%s changed the settings of '%s'", actor.getUsername(), name));
    }

    public void changeStatus(String actorName, Long companyId, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.providerAdministrator(actorName);
        Company company = tenancy.company(actor, companyId);
        AccountStatus before = company.getStatus();
        company.changeStatus(status);
        statusChanged(actor, company, "company '" + company.getName() + "'", before, status);
        LOG.info(() -> String.format("%s set company '%s' %s", actor.getUsername(), company.getName(), status));
    }

    /**
     * The company's login criteria, which its own administrators may change too. They may only be
     * stricter than the gateway's: a lower lockout threshold, a longer block.
     */
    public void changeLoginCriteria(String actorName, Long companyId, int passwordMinLength, int passwordClasses,
                                    Integer lockoutThreshold, Integer lockoutMinutes)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        if (passwordMinLength < PasswordPolicy.MIN_LENGTH_FLOOR || passwordMinLength > 64) {
            throw new InvalidRequestException("The minimum password length is between "
                    + PasswordPolicy.MIN_LENGTH_FLOOR + " and 64.");
        }
        if (passwordClasses < 1 || passwordClasses > 4) {
            throw new InvalidRequestException("A password can be asked to use 1 to 4 character classes.");
        }
        if (lockoutThreshold != null && (lockoutThreshold < 1 || lockoutThreshold > 100)) {
            throw new InvalidRequestException("The lockout threshold is between 1 and 100 failed attempts.");
        }
        if (lockoutMinutes != null && (lockoutMinutes < 1 || lockoutMinutes > 24 * 60)) {
            throw new InvalidRequestException("A block lasts between 1 minute and 24 hours.");
        }
        if (lockoutThreshold != null && lockoutThreshold > lockout.threshold()) {
            throw new InvalidRequestException("The lockout threshold may only be stricter than the gateway's: at most "
                    + lockout.threshold() + " failed attempts.");
        }
        if (lockoutMinutes != null && Duration.ofMinutes(lockoutMinutes).compareTo(lockout.duration()) < 0) {
            throw new InvalidRequestException("A block may only be stricter than the gateway's: at least "
                    + lockout.duration().toMinutes() + " minutes.");
        }
        AdminAudit.Changes changed = AdminAudit.changes()
                .of("minimum password length", company.getPasswordMinLength(), passwordMinLength)
                .of("character classes", company.getPasswordClasses(), passwordClasses)
                .of("lockout threshold", company.getLockoutThreshold(), lockoutThreshold)
                .of("lockout minutes", company.getLockoutMinutes(), lockoutMinutes);
        company.changeLoginCriteria(passwordMinLength, passwordClasses, lockoutThreshold, lockoutMinutes);
        settingsChanged(actor, company, "login criteria", changed);
        LOG.info(() -> String.format("%s changed the login criteria of '%s'", actor.getUsername(), company.getName()));
    }

    public List<Department> departments(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createQuery("""
                        SELECT d FROM Department d WHERE d.company = :company AND d.deletedAt IS NULL ORDER BY d.name""",
                        Department.class)
                .setParameter("company", company).getResultList();
    }

    public void createDepartment(String actorName, Long companyId, String name, Integer dailyQuota)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        String clean = departmentName(company, name, null);
        requireQuota(dailyQuota);
        Department department = new Department(company, clean);
        department.limitDailyQuota(dailyQuota);
        em.persist(department);
        audit.record(actor, company, AdminActionKind.CREATED, "department '" + clean + "'",
                dailyQuota == null ? null : "daily quota: " + dailyQuota);
        LOG.info(() -> String.format("%s created department '%s' in '%s'", actor.getUsername(), clean, company.getName()));
    }

    public void changeDepartment(String actorName, Long departmentId, String name, Integer dailyQuota)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Department department = tenancy.department(actor, departmentId);
        String clean = departmentName(department.getCompany(), name, department);
        requireQuota(dailyQuota);
        AdminAudit.Changes changed = AdminAudit.changes().of("name", department.getName(), clean)
                .of("daily quota", department.getDailyQuota(), dailyQuota);
        department.rename(clean);
        department.limitDailyQuota(dailyQuota);
        if (!changed.isEmpty()) {
            audit.record(actor, department.getCompany(), AdminActionKind.CHANGED, "department '" + clean + "'",
                    changed.toString());
        }
        LOG.info(() -> String.format("%s changed department '%s': quota %s", actor.getUsername(), clean, dailyQuota));
    }

    public void changeDepartmentStatus(String actorName, Long departmentId, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Department department = tenancy.department(actor, departmentId);
        AccountStatus before = department.getStatus();
        department.changeStatus(status);
        statusChanged(actor, department.getCompany(), "department '" + department.getName() + "'", before, status);
        LOG.info(() -> String.format("%s set department '%s' %s", actor.getUsername(), department.getName(), status));
    }

    /** Only an empty department goes; its messages stay in the reports under its old name. */
    public void deleteDepartment(String actorName, Long departmentId)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Department department = tenancy.department(actor, departmentId);
        long members = em.createNamedQuery("User.countInDepartment", Long.class)
                .setParameter("department", department).getSingleResult();
        if (members > 0) {
            throw new InvalidRequestException("Department '" + department.getName() + "' still has " + members
                    + " user(s): move them first.");
        }
        String name = department.getName();
        department.delete(OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(actor, department.getCompany(), AdminActionKind.DELETED, "department '" + name + "'", null);
        LOG.info(() -> String.format("%s deleted department '%s'", actor.getUsername(), name));
    }

    /** The sender numbers the provider gave this company (replies to them come back to its users only). */
    public List<String> senderNumbers(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return senderNumbers.ofCompany(company.getId());
    }

    /** Provider administrators give a company its own sender numbers, used before the shared pool. */
    public List<String> changeSenderNumbers(String actorName, Long companyId, List<String> numbers)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.providerAdministrator(actorName);
        Company company = tenancy.company(actor, companyId);
        List<String> before = senderNumbers.ofCompany(company.getId());
        List<String> e164 = senderNumbers.replace(company, numbers);
        settingsChanged(actor, company, "sender numbers", AdminAudit.changes().of("sender numbers", before, e164));
        LOG.info(() -> String.format("%s gave '%s' the sender numbers %s", actor.getUsername(), company.getName(), e164));
        return e164;
    }

    /**
     * Outlook's text messaging for the company: on or off, and which automatic sources (reminders,
     * calendar summaries, rule-based forwards, SharePoint alerts) it accepts. Its own administrators
     * may change this too: it only narrows what reaches their users' phones.
     */
    public void changeOutlookSettings(String actorName, Long companyId, boolean enabled, Collection<String> sources)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        Set<String> accepted = new TreeSet<>();
        for (String source : sources == null ? List.<String>of() : sources) {
            accepted.add(Company.automaticSource(source).orElseThrow(() -> new InvalidRequestException("'" + source
                    + "' is none of the automatic sources " + Company.ALL_AUTOMATIC_SOURCES + ".")));
        }
        AdminAudit.Changes changed = AdminAudit.changes().of("Outlook text messaging", company.isOmsEnabled(), enabled)
                .of("automatic sources", new TreeSet<>(company.getOmsSources()), accepted);
        company.changeOutlookSettings(enabled, accepted);
        settingsChanged(actor, company, "Outlook text messaging", changed);
        LOG.info(() -> String.format("%s set Outlook text messaging of '%s' %s, accepting %s", actor.getUsername(),
                company.getName(), enabled ? "on" : "off", accepted));
    }

    /**
     * What the company asks of its clients: the licence accepted at activation (off by default: add-ins
     * that predate it do not send one), and Outlook's texts compressed with the company's dictionary.
     */
    public void changeClientSettings(String actorName, Long companyId, boolean requireLicence, boolean compressOutlook)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        AdminAudit.Changes changed = AdminAudit.changes().of("licence required", company.isRequireLicence(), requireLicence)
                .of("compress texts from Outlook", company.isOmsCompress(), compressOutlook);
        company.changeClientSettings(requireLicence, compressOutlook);
        settingsChanged(actor, company, "add-ins and clients", changed);
        LOG.info(() -> String.format("%s set the licence of '%s' %s and Outlook compression %s", actor.getUsername(),
                company.getName(), requireLicence ? "required" : "optional", compressOutlook ? "on" : "off"));
    }

    /** The newest 200 activations of the company's users that accepted a licence: who, which version, when, from where. */
    public List<LicenceAcceptance> licenceAcceptances(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createNamedQuery("Activation.licenceAcceptances", Activation.class).setParameter("company", company)
                .setMaxResults(200).getResultStream()
                .map(a -> new LicenceAcceptance(a.getUser().getUsername(), a.getLicenceVersion(), a.getCreatedAt(),
                        a.getClientIp()))
                .toList();
    }

    /** The company's allowed destination numbers; empty means unrestricted. */
    @SuppressWarnings("unchecked")
    public List<String> restrictions(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createNativeQuery("SELECT number FROM destination_restriction WHERE company_id = ?1 ORDER BY number")
                .setParameter(1, company.getId()).getResultList();
    }

    /**
     * Adds numbers (one per line or separated by commas, as pasted); all or none: one invalid
     * number refuses the whole paste, naming it. Returns how many were new.
     */
    public int addRestrictions(String actorName, Long companyId, String pasted)
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
        List<String> existing = restrictions(actorName, companyId);
        List<String> fresh = numbers.stream().distinct().filter(n -> !existing.contains(n)).toList();
        for (String number : fresh) {
            em.createNativeQuery("INSERT INTO destination_restriction (company_id, number) VALUES (?1, ?2)")
                    .setParameter(1, company.getId()).setParameter(2, number).executeUpdate();
        }
        if (!fresh.isEmpty()) {
            audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "allowed destination numbers",
                    "added: " + fresh);
        }
        LOG.info(() -> String.format("%s added %d allowed destinations for '%s'", actor.getUsername(), fresh.size(),
                company.getName()));
        return fresh.size();
    }

    public void removeRestriction(String actorName, Long companyId, String number)
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

    private void settingsChanged(User actor, Company company, String what, AdminAudit.Changes changed) {
        if (!changed.isEmpty()) {
            audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, what, changed.toString());
        }
    }

    private void statusChanged(User actor, Company company, String subject, AccountStatus before, AccountStatus after) {
        if (before != after) {
            audit.record(actor, company, after == AccountStatus.ACTIVE ? AdminActionKind.ENABLED : AdminActionKind.DISABLED,
                    subject, null);
        }
    }

    private String departmentName(Company company, String name, Department renamed) throws InvalidRequestException {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidRequestException("A department needs a name of at most 120 characters.");
        }
        String clean = name.strip();
        boolean taken = em.createNamedQuery("Department.findByName", Department.class)
                .setParameter("company", company).setParameter("name", clean)
                .getResultStream().anyMatch(d -> renamed == null || !d.getId().equals(renamed.getId()));
        if (taken) {
            throw new InvalidRequestException("Department '" + clean + "' exists already.");
        }
        return clean;
    }

    private static void requireQuota(Integer dailyQuota) throws InvalidRequestException {
        if (dailyQuota != null && dailyQuota < 0) {
            throw new InvalidRequestException("A daily quota cannot be negative.");
        }
    }
}
