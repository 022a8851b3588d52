package org.emailsms.gateway.account.boundary;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.PasswordPolicy;
import org.emailsms.gateway.account.control.Passwords;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.control.WelcomeMail;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.RequestValidator;

/**
 * A company's users, by id, for the portal, the bulk upload and (names resolved by
 * {@link AccountNames}) the SOAP provisioning API alike: create (the password generated and mailed
 * with the activation instructions, or given), edit, move between departments, delete (history
 * kept), disable and enable, unlock, reset the password (emailed), revoke add-in activations, the
 * login attempts. Every change goes into the audit trail.
 */
@Stateless
public class Users {

    private static final Logger LOG = Logger.getLogger(Users.class.getName());
    private static final int MAX_LOGIN_ATTEMPTS = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @Inject
    WelcomeMail mail;

    @Inject
    UserChanges changes;

    @Inject
    RequestValidator validator;

    public List<User> users(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createNamedQuery("User.findByCompany", User.class).setParameter("company", company).getResultList();
    }

    public User user(String actorName, Long userId) throws NotAuthorizedException, UnknownAccountException {
        return tenancy.user(tenancy.administrator(actorName), userId);
    }

    /** A new user of the company (and department, if any); returns its username, and the password when generated. */
    public CreatedUser create(String actorName, Long companyId, Long departmentId, NewUser request)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException,
            AccountAlreadyExistsException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        validator.check(request);
        if (request.role() == Role.PROVIDER_ADMIN) {
            throw new InvalidRequestException("Provider administrators are not created through a company.");
        }
        Department department = departmentId == null ? null : tenancy.department(actor, departmentId);
        if (department != null && !department.getCompany().sameAs(company)) {
            throw new UnknownAccountException("No such department.");
        }
        String mobile = null;
        if (request.mobile() != null && !request.mobile().isBlank()) {
            mobile = PhoneNumbers.mobileE164(request.mobile(), company.getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + request.mobile() + "' is not a valid mobile number."));
        }
        String username = Authenticator.normalise(request.username());
        // Deleted users keep their name: their messages stay in the reports under it.
        if (!em.createNamedQuery("User.findAnyByUsername", User.class).setParameter("username", username)
                .getResultList().isEmpty()) {
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
        if (generate) {
            user.requirePasswordChange();
        }
        em.persist(user);
        mail.send(user, password);
        changes.audit(actor, user, AdminActionKind.CREATED, "email: " + user.getEmail() + "; role: " + user.getRole().getLabel()
                + (department == null ? "" : "; department: " + department.getName()));
        LOG.info(() -> String.format("%s created user '%s' in '%s'", actor.getUsername(), username, company.getName()));
        return new CreatedUser(username, generate ? password : null);
    }

    /** The newest login attempts of a user (at most {@code max}, up to 1,000), newest first. */
    public List<LoginRecord> loginAttempts(String actorName, Long userId, int max)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        User user = tenancy.account(actor, userId);
        return em.createNamedQuery("LoginAttempt.findByUsername", LoginAttempt.class)
                .setParameter("username", user.getUsername())
                .setMaxResults(Math.max(1, Math.min(max, MAX_LOGIN_ATTEMPTS)))
                .getResultStream()
                .map(LoginRecord::of)
                .toList();
    }

    /** A null department takes the user out of every department. */
    public void change(String actorName, Long userId, String email, String mobile, Long departmentId, Role role)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        User user = tenancy.user(actor, userId);
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.strip().length() > 254) {
            throw new InvalidRequestException("'" + email + "' is not a valid email address.");
        }
        if (role == null || role == Role.PROVIDER_ADMIN) {
            throw new InvalidRequestException("A company user is a COMPANY_ADMIN or a SENDER.");
        }
        Department department = departmentId == null ? null : tenancy.department(actor, departmentId);
        if (department != null && !department.getCompany().sameAs(user.getCompany())) {
            throw new UnknownAccountException("No such department.");
        }
        String e164 = null;
        if (mobile != null && !mobile.isBlank()) {
            e164 = PhoneNumbers.mobileE164(mobile, user.getCompany().getHomeCountry())
                    .orElseThrow(() -> new InvalidRequestException("'" + mobile + "' is not a valid mobile number."));
        }
        if (role != user.getRole()) {
            changes.keepAnAdministrator(actor, user, "make a sender of");
        }
        AdminAudit.Changes changed = AdminAudit.changes().of("email", user.getEmail(), email.strip())
                .of("mobile", user.getMobile(), e164).of("department", departmentName(user.getDepartment()),
                        departmentName(department)).of("role", user.getRole().getLabel(), role.getLabel());
        user.changeEmail(email.strip());
        user.changeMobile(e164);
        user.moveTo(department);
        user.changeRole(role);
        if (!changed.isEmpty()) {
            changes.audit(actor, user, AdminActionKind.CHANGED, changed.toString());
        }
        LOG.info(() -> String.format("%s changed user '%s'", actor.getUsername(), user.getUsername()));
    }

    private static String departmentName(Department department) {
        return department == null ? null : department.getName();
    }

    public void changeStatus(String actorName, Long userId, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        changes.changeStatus(actor, tenancy.account(actor, userId), status);
    }

    /** The user can no longer sign in or send; every activation is revoked; the messages stay in the reports. */
    public void delete(String actorName, Long userId)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        User actor = tenancy.administrator(actorName);
        User user = tenancy.user(actor, userId);
        if (user.getId().equals(actor.getId())) {
            throw new UnknownAccountException("Administrators cannot delete themselves.");
        }
        changes.delete(actor, user);
    }

    public void unlock(String actorName, Long userId) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        changes.unlock(actor, tenancy.account(actor, userId));
    }

    /**
     * A new generated password (meeting the company's criteria), emailed to the user through the
     * outbox; the user's add-in activations are revoked. Returns how many were.
     */
    public int resetPassword(String actorName, Long userId) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        User user = tenancy.user(actor, userId);
        Company company = user.getCompany();
        String password = passwords.generate(company.getPasswordMinLength(), company.getPasswordClasses());
        int revoked = changes.resetPassword(actor, user, passwords.hash(password));
        mail.sendReset(user, password);
        return revoked;
    }

    public int revokeActivations(String actorName, Long userId) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        return changes.revokeActivations(actor, tenancy.account(actor, userId));
    }

    /**
     * The same change to several users at once, in one transaction: if one of them is refused (the
     * caller's own account, the last administrator, an unknown id), none is changed. Returns how many.
     */
    public int changeAll(String actorName, List<Long> userIds, BulkChange change, Long departmentId)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException {
        if (userIds == null || userIds.isEmpty()) {
            throw new InvalidRequestException("Select at least one user.");
        }
        for (Long userId : userIds) {
            switch (change) {
                case DISABLE -> changeStatus(actorName, userId, AccountStatus.DISABLED);
                case ENABLE -> changeStatus(actorName, userId, AccountStatus.ACTIVE);
                case REVOKE_ACTIVATIONS -> revokeActivations(actorName, userId);
                case MOVE -> {
                    User user = user(actorName, userId);
                    change(actorName, userId, user.getEmail(), user.getMobile(), departmentId, user.getRole());
                }
            }
        }
        LOG.info(() -> String.format("%s %s %d users at once", actorName, change.done(), userIds.size()));
        return userIds.size();
    }
}
