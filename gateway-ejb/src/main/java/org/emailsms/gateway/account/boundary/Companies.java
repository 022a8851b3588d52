package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.LikePatterns;
import org.emailsms.gateway.platform.control.LogSafe;
import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.RequestValidator;

/**
 * Companies, by id, for the portal and (names resolved by {@link AccountNames}) the SOAP
 * provisioning API alike: creation, settings, status, login criteria, sender numbers, Outlook and
 * client settings, today's usage. Every call names the acting administrator; {@link Tenancy} keeps
 * a company administrator inside its own company, and every change goes into the audit trail.
 */
@Stateless
public class Companies {

    private static final Logger LOG = Logger.getLogger(Companies.class.getName());
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

    @Inject
    RequestValidator validator;

    /** Every company for the provider's administrators; the own one for a company administrator. */
    public List<Company> companies(String actorName) throws NotAuthorizedException {
        User actor = tenancy.administrator(actorName);
        if (actor.getRole() == Role.COMPANY_ADMIN) {
            return List.of(actor.getCompany());
        }
        return em.createQuery("SELECT c FROM Company c ORDER BY c.name", Company.class).getResultList();
    }

    /** Companies whose name contains {@code text} (any case), by name, at most {@code max}; the own one for a company administrator. */
    public List<Company> find(String actorName, String text, int max) throws NotAuthorizedException {
        return find(actorName, text, 0, max);
    }

    /** A page of {@link #find(String, String, int)}: {@code max} companies from the {@code first}th (0 the first). */
    public List<Company> find(String actorName, String text, int first, int max) throws NotAuthorizedException {
        User actor = tenancy.administrator(actorName);
        if (actor.getRole() == Role.COMPANY_ADMIN) {
            return first == 0 && named(actor.getCompany(), text) ? List.of(actor.getCompany()) : List.of();
        }
        return em.createNamedQuery("Company.findNameLike", Company.class).setParameter("text", LikePatterns.contains(text))
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** How many companies {@link #find(String, String, int)} would list without a limit. */
    public long count(String actorName, String text) throws NotAuthorizedException {
        User actor = tenancy.administrator(actorName);
        if (actor.getRole() == Role.COMPANY_ADMIN) {
            return named(actor.getCompany(), text) ? 1 : 0;
        }
        return em.createNamedQuery("Company.countNameLike", Long.class).setParameter("text", LikePatterns.contains(text)).getSingleResult();
    }

    private static boolean named(Company company, String text) {
        return company.getName().toLowerCase(Locale.ROOT).contains(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    }

    /** A new company (provider administrators only); returns its id. */
    public Long create(String actorName, NewCompany request)
            throws NotAuthorizedException, InvalidRequestException, AccountAlreadyExistsException {
        User actor = tenancy.providerAdministrator(actorName);
        validator.check(request);
        ZoneId zone = zone(request.timeZone());
        requireKnownCountry(request.homeCountry());
        for (String country : request.allowedCountries()) {
            requireKnownCountry(country);
        }
        String name = request.name().strip();
        if (!em.createNamedQuery("Company.findByName", Company.class).setParameter("name", name).getResultList().isEmpty()) {
            throw new AccountAlreadyExistsException("A company named '" + name + "' exists already.");
        }
        Company company = new Company(name, request.homeCountry(), zone);
        company.allowDestinationCountries(request.allowedCountries());
        company.limitDailyQuota(request.dailyQuota());
        company.changeMessageSettings(request.splitLongMessages(), request.maxSegments(), request.deliveryConfirmation());
        em.persist(company);
        audit.record(actor, company, AdminActionKind.CREATED, "company '" + name + "'", null);
        LOG.info(() -> String.format("%s created company '%s'", actor.getUsername(), LogSafe.text(name)));
        return company.getId();
    }

    /** Today's usage of a company, in its own time zone: messages accepted and the segments they took. */
    public Usage usageToday(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        OffsetDateTime startOfDay = java.time.LocalDate.now(company.getTimeZone()).atStartOfDay(company.getTimeZone())
                .toOffsetDateTime();
        long messages = em.createNamedQuery("SmsMessage.countSince", Long.class).setParameter("company", company.getId())
                .setParameter("since", startOfDay).getSingleResult();
        Long segments = em.createNamedQuery("SmsMessage.segmentsSince", Long.class).setParameter("company", company.getId())
                .setParameter("since", startOfDay).getSingleResult();
        return new Usage(messages, segments == null ? 0 : segments, company.getDailyQuota());
    }

    /** Messages and segments of one day; a null quota means unlimited. */
    public record Usage(long messages, long segments, Integer dailyQuota) {
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
        ZoneId zone = zone(settings.timeZone());
        for (String country : settings.allowedCountries()) {
            requireKnownCountry(country);
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
        LOG.info(() -> String.format("%s changed the settings of '%s'", actor.getUsername(), LogSafe.text(name)));
    }

    public void changeStatus(String actorName, Long companyId, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.providerAdministrator(actorName);
        Company company = tenancy.company(actor, companyId);
        AccountStatus before = company.getStatus();
        company.changeStatus(status);
        audit.statusChanged(actor, company, "company '" + company.getName() + "'", before, status);
        LOG.info(() -> String.format("%s set company '%s' %s", actor.getUsername(), LogSafe.text(company.getName()), status));
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
        LOG.info(() -> String.format("%s changed the login criteria of '%s'", actor.getUsername(),
                LogSafe.text(company.getName())));
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

    private static ZoneId zone(String timeZone) throws InvalidRequestException {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("'" + timeZone + "' is not a time zone such as Australia/Sydney.");
        }
    }

    private static void requireKnownCountry(String country) throws InvalidRequestException {
        if (!PhoneNumbers.isKnownCountry(country)) {
            throw new InvalidRequestException("'" + country + "' is not a country with a numbering plan.");
        }
    }

    private void settingsChanged(User actor, Company company, String what, AdminAudit.Changes changed) {
        if (!changed.isEmpty()) {
            audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, what, changed.toString());
        }
    }

}
