package org.emailsms.gateway.account.boundary;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.control.WelcomeMail;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.RequestValidator;

/**
 * Provisioning of companies, departments and users. Every operation names the
 * acting administrator, already authenticated by the caller; a company administrator reaches only
 * its own company, and anything else reads as "not found" so that other tenants stay invisible.
 */
@Stateless
public class ProvisioningService {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class.getName());
    private static final int MAX_AUDIT_ROWS = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Authenticator authenticator;

    @Inject
    Passwords passwords;

    @Inject
    RequestValidator validator;

    @Inject
    WelcomeMail welcome;

    @Inject
    Tenancy tenancy;

    @Inject
    UserChanges changes;

    @Inject
    AdminAudit audit;

    @Inject
    SenderNumbers senderNumbers;

    @EJB
    CompanyAdministration companies;

    /**
     * Checks an administrator's credentials for an API call, with the same lockout and audit as
     * add-in activation; returns the administrator's username for the operation that follows.
     */
    public String signIn(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.SOAP);
        return administrator(user.getUsername()).getUsername();
    }

    /**
     * The portal's sign-in: same lockout and audit as the API, for administrators only. Returns the
     * role, which the portal uses as the caller's group.
     */
    public Role signInToPortal(String username, String password, String clientIp)
            throws AuthenticationFailedException, AccountLockedException, AccountDisabledException,
            NotAuthorizedException {
        User user = authenticator.authenticate(username, password, clientIp, LoginChannel.PORTAL);
        return administrator(user.getUsername()).getRole();
    }

    public Long createCompany(String actorName, NewCompany request)
            throws NotAuthorizedException, InvalidRequestException, AccountAlreadyExistsException {
        User actor = providerAdministrator(actorName);
        validator.check(request);
        ZoneId zone = zone(request.timeZone());
        requireKnownCountry(request.homeCountry());
        for (String country : request.allowedCountries()) {
            requireKnownCountry(country);
        }
        String name = request.name().strip();
        if (findCompany(name) != null) {
            throw new AccountAlreadyExistsException("A company named '" + name + "' exists already.");
        }
        Company company = new Company(name, request.homeCountry(), zone);
        company.allowDestinationCountries(request.allowedCountries());
        company.limitDailyQuota(request.dailyQuota());
        company.changeMessageSettings(request.splitLongMessages(), request.maxSegments(), request.deliveryConfirmation());
        em.persist(company);
        audit.record(actor, company, AdminActionKind.CREATED, "company '" + name + "'", null);
        LOG.info(() -> String.format("%s created company '%s'", actor.getUsername(), name));
        return company.getId();
    }

    public void createDepartment(String actorName, String companyName, String departmentName, Integer dailyQuota)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException,
            AccountAlreadyExistsException {
        User actor = administrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        if (departmentName == null || departmentName.isBlank() || departmentName.strip().length() > 120) {
            throw new InvalidRequestException("A department needs a name of at most 120 characters.");
        }
        if (dailyQuota != null && dailyQuota < 0) {
            throw new InvalidRequestException("A daily quota cannot be negative.");
        }
        String name = departmentName.strip();
        if (findDepartment(company, name) != null) {
            throw new AccountAlreadyExistsException("Department '" + name + "' exists already in " + company.getName() + ".");
        }
        Department department = new Department(company, name);
        department.limitDailyQuota(dailyQuota);
        em.persist(department);
        audit.record(actor, company, AdminActionKind.CREATED, "department '" + name + "'",
                dailyQuota == null ? null : "daily quota: " + dailyQuota);
        LOG.info(() -> String.format("%s created department '%s' in '%s'", actor.getUsername(), name, company.getName()));
    }

    public CreatedUser createUser(String actorName, NewUser request)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException,
            AccountAlreadyExistsException {
        User actor = administrator(actorName);
        validator.check(request);
        if (request.role() == Role.PROVIDER_ADMIN) {
            throw new InvalidRequestException("Provider administrators are not created through a company.");
        }
        Company company = companyAdministeredBy(actor, request.companyName());
        Department department = null;
        if (request.departmentName() != null && !request.departmentName().isBlank()) {
            department = findDepartment(company, request.departmentName().strip());
            if (department == null) {
                throw new UnknownAccountException("No department '" + request.departmentName() + "' in " + company.getName() + ".");
            }
        }
        String mobile = null;
        if (request.mobile() != null && !request.mobile().isBlank()) {
            mobile = PhoneNumbers.mobileE164(request.mobile(), company.getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + request.mobile() + "' is not a valid mobile number."));
        }
        String username = Authenticator.normalise(request.username());
        if (isTaken(username)) {
            throw new AccountAlreadyExistsException("The username '" + username + "' is taken.");
        }
        boolean generate = request.password() == null || request.password().isEmpty();
        if (!generate) {
            Optional<String> weak = PasswordPolicy.violation(request.password(), company);
            if (weak.isPresent()) {
                throw new InvalidRequestException(weak.get());
            }
        }
        String password = generate
                ? passwords.generate(company.getPasswordMinLength(), company.getPasswordClasses())
                : request.password();
        User user = User.companyUser(company, department, username, request.email().strip(), request.role(),
                passwords.hash(password));
        user.changeMobile(mobile);
        em.persist(user);
        welcome.send(user, password);
        changes.audit(actor, user, AdminActionKind.CREATED, "email: " + user.getEmail() + "; role: " + user.getRole().getLabel()
                + (department == null ? "" : "; department: " + department.getName()));
        LOG.info(() -> String.format("%s created user '%s' in '%s'", actor.getUsername(), username, company.getName()));
        return new CreatedUser(username, generate ? password : null);
    }

    public void changeCompanyStatus(String actorName, String companyName, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = providerAdministrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        AccountStatus before = company.getStatus();
        company.changeStatus(status);
        if (before != status) {
            audit.record(actor, company, status == AccountStatus.ACTIVE ? AdminActionKind.ENABLED : AdminActionKind.DISABLED,
                    "company '" + company.getName() + "'", null);
        }
        LOG.info(() -> String.format("%s set company '%s' %s", actor.getUsername(), company.getName(), status));
    }

    public void changeDepartmentStatus(String actorName, String companyName, String departmentName,
                                       AccountStatus status) throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        Department department = findDepartment(company, departmentName == null ? "" : departmentName.strip());
        if (department == null) {
            throw new UnknownAccountException("No department '" + departmentName + "' in " + company.getName() + ".");
        }
        AccountStatus before = department.getStatus();
        department.changeStatus(status);
        if (before != status) {
            audit.record(actor, company, status == AccountStatus.ACTIVE ? AdminActionKind.ENABLED : AdminActionKind.DISABLED,
                    "department '" + department.getName() + "'", null);
        }
        LOG.info(() -> String.format("%s set department '%s' %s", actor.getUsername(), department.getName(), status));
    }

    public void changeUserStatus(String actorName, String username, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = administrator(actorName);
        changes.changeStatus(actor, userAdministeredBy(actor, username), status);
    }

    /** Lifts a lockout before it expires, after the administrator has checked who is asking. */
    public void unlockUser(String actorName, String username) throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        changes.unlock(actor, userAdministeredBy(actor, username));
    }

    /** Every activated add-in of the user stops working; returns how many were live. */
    public int revokeActivations(String actorName, String username)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        return changes.revokeActivations(actor, userAdministeredBy(actor, username));
    }

    /**
     * Replaces the sender numbers the provider gives the company (used before the shared pool, and by
     * no other company); an empty list takes them all back. Provider administrators only.
     */
    public List<String> setSenderNumbers(String actorName, String companyName, List<String> numbers)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = providerAdministrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        List<String> e164 = senderNumbers.replace(company, numbers);
        audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "sender numbers", "now: " + e164);
        LOG.info(() -> String.format("%s gave '%s' the sender numbers %s", actor.getUsername(), company.getName(), e164));
        return e164;
    }

    /** Outlook's text messaging for a company, by name: on or off, and the automatic sources it accepts. */
    public void setOutlookSettings(String actorName, String companyName, boolean enabled, List<String> sources)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = administrator(actorName);
        companies.changeOutlookSettings(actor.getUsername(), companyAdministeredBy(actor, companyName).getId(),
                enabled, sources);
    }

    /** The id of a company the administrator may act on, by its name. */
    public Long companyId(String actorName, String companyName) throws NotAuthorizedException, UnknownAccountException {
        return companyAdministeredBy(administrator(actorName), companyName).getId();
    }

    /** A company's client settings, by name: the licence required at activation, Outlook's texts compressed. */
    public void setClientSettings(String actorName, String companyName, boolean requireLicence, boolean compressOutlook)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        companies.changeClientSettings(actor.getUsername(), companyAdministeredBy(actor, companyName).getId(),
                requireLicence, compressOutlook);
    }

    /**
     * Replaces the company's list of allowed destination numbers; an empty list lifts the
     * restriction. Every number must be a valid mobile number; returns them in E.164.
     */
    public List<String> restrictDestinations(String actorName, String companyName, List<String> numbers)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = administrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        List<String> e164 = new ArrayList<>();
        for (String number : numbers == null ? List.<String>of() : numbers) {
            e164.add(PhoneNumbers.mobileE164(number, company.getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + number + "' is not a valid mobile number.")));
        }
        List<String> distinct = e164.stream().distinct().sorted().toList();
        em.createNativeQuery("DELETE FROM destination_restriction WHERE company_id = ?1")
                .setParameter(1, company.getId()).executeUpdate();
        for (String number : distinct) {
            em.createNativeQuery("INSERT INTO destination_restriction (company_id, number) VALUES (?1, ?2)")
                    .setParameter(1, company.getId()).setParameter(2, number).executeUpdate();
        }
        audit.record(actor, company, AdminActionKind.SETTINGS_CHANGED, "allowed destination numbers",
                distinct.isEmpty() ? "none: any destination allowed" : distinct.size() + " numbers: " + distinct);
        LOG.info(() -> String.format("%s set %d allowed destinations for '%s'", actor.getUsername(), distinct.size(),
                company.getName()));
        return distinct;
    }

    /** The newest login attempts for one username, newest first, for an administrator of that user. */
    public List<LoginRecord> loginAttempts(String actorName, String username, int max)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        User user = userAdministeredBy(actor, username);
        return em.createNamedQuery("LoginAttempt.findByUsername", LoginAttempt.class)
                .setParameter("username", user.getUsername())
                .setMaxResults(Math.max(1, Math.min(max, MAX_AUDIT_ROWS)))
                .getResultStream()
                .map(LoginRecord::of)
                .toList();
    }

    /** Today's usage of a company, in its own time zone: messages accepted and the segments they took. */
    public Usage usageToday(String actorName, String companyName) throws NotAuthorizedException, UnknownAccountException {
        User actor = administrator(actorName);
        Company company = companyAdministeredBy(actor, companyName);
        OffsetDateTime startOfDay = java.time.LocalDate.now(company.getTimeZone()).atStartOfDay(company.getTimeZone())
                .toOffsetDateTime();
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT COUNT(*), COALESCE(SUM(segments), 0) FROM sms_message
                        WHERE company_id = ?1 AND created_at >= ?2""")
                .setParameter(1, company.getId()).setParameter(2, startOfDay).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), company.getDailyQuota());
    }

    /** Messages and segments of one day; a null quota means unlimited. */
    public record Usage(long messages, long segments, Integer dailyQuota) {
    }

    /** For operations views that span companies (unrouted replies, SMSC links): provider administrators only. */
    public void requireProviderAdministrator(String actorName) throws NotAuthorizedException {
        providerAdministrator(actorName);
    }

    private User administrator(String actorName) throws NotAuthorizedException {
        return tenancy.administrator(actorName);
    }

    private User providerAdministrator(String actorName) throws NotAuthorizedException {
        return tenancy.providerAdministrator(actorName);
    }

    private Company companyAdministeredBy(User actor, String companyName) throws UnknownAccountException {
        Company company = companyName == null ? null : findCompany(companyName.strip());
        if (company == null || !actor.administers(company)) {
            throw new UnknownAccountException("No company named '" + companyName + "'.");
        }
        return company;
    }

    private User userAdministeredBy(User actor, String username) throws UnknownAccountException {
        User user = findUser(Authenticator.normalise(username));
        boolean visible = user != null && (actor.getRole() == Role.PROVIDER_ADMIN
                || user.getCompany() != null && actor.administers(user.getCompany()));
        if (!visible) {
            throw new UnknownAccountException("No user named '" + username + "'.");
        }
        return user;
    }

    private Company findCompany(String name) {
        return em.createNamedQuery("Company.findByName", Company.class).setParameter("name", name)
                .getResultStream().findFirst().orElse(null);
    }

    private Department findDepartment(Company company, String name) {
        return em.createNamedQuery("Department.findByName", Department.class)
                .setParameter("company", company).setParameter("name", name)
                .getResultStream().findFirst().orElse(null);
    }

    /** Deleted users keep their name: their messages stay in the reports under it. */
    private boolean isTaken(String username) {
        return !em.createNamedQuery("User.findAnyByUsername", User.class).setParameter("username", username)
                .getResultList().isEmpty();
    }

    private User findUser(String username) {
        return em.createNamedQuery("User.findByUsername", User.class).setParameter("username", username)
                .getResultStream().findFirst().orElse(null);
    }

    private static ZoneId zone(String timeZone) throws InvalidRequestException {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("'" + timeZone + "' is not a time zone; use a name such as Australia/Sydney.");
        }
    }

    private static void requireKnownCountry(String country) throws InvalidRequestException {
        if (!PhoneNumbers.isKnownCountry(country)) {
            throw new InvalidRequestException("'" + country + "' is not a country with a numbering plan.");
        }
    }
}
