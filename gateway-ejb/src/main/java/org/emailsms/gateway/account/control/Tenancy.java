package org.emailsms.gateway.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;

/**
 * The one place the portal's boundaries resolve what an administrator names by id: a company
 * administrator reaches only its own company, and anything else reads as "not found" (an id from
 * another tenant, typed into a URL or a form post, is indistinguishable from an id that never was).
 */
@Dependent
public class Tenancy implements ProviderRole {

    @PersistenceContext
    EntityManager em;

    public Tenancy() {
    }

    /** Outside the container, for the database tests of the boundaries that use it. */
    public Tenancy(EntityManager em) {
        this.em = em;
    }

    public User administrator(String actorName) throws NotAuthorizedException {
        User actor = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", Authenticator.normalise(actorName))
                .getResultStream().findFirst().orElse(null);
        if (actor == null || actor.getRole() == Role.SENDER || !actor.isActiveWithOrganisation()) {
            throw new NotAuthorizedException("Only administrators may do this.");
        }
        return actor;
    }

    @Override
    public void require(String actorName) throws NotAuthorizedException {
        providerAdministrator(actorName);
    }

    public User providerAdministrator(String actorName) throws NotAuthorizedException {
        User actor = administrator(actorName);
        if (actor.getRole() != Role.PROVIDER_ADMIN) {
            throw new NotAuthorizedException("Only the provider's administrators may do this.");
        }
        return actor;
    }

    public Company company(User actor, Long companyId) throws UnknownAccountException {
        Company company = companyId == null ? null : em.find(Company.class, companyId);
        if (company == null || !actor.administers(company)) {
            throw new UnknownAccountException("No such company.");
        }
        return company;
    }

    public Department department(User actor, Long departmentId) throws UnknownAccountException {
        Department department = departmentId == null ? null : em.find(Department.class, departmentId);
        if (department == null || department.isDeleted() || !actor.administers(department.getCompany())) {
            throw new UnknownAccountException("No such department.");
        }
        return department;
    }

    /**
     * A user as {@link #user}, or for the provider's administrators also another provider
     * administrator (they may disable, unlock or sign out one another; the last active one stays).
     */
    public User account(User actor, Long userId) throws UnknownAccountException {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user != null && user.getDeletedAt() == null && user.getCompany() == null
                && actor.getRole() == Role.PROVIDER_ADMIN) {
            return user;
        }
        return user(actor, userId);
    }

    public User user(User actor, Long userId) throws UnknownAccountException {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null || user.getDeletedAt() != null || user.getCompany() == null
                || !actor.administers(user.getCompany())) {
            throw new UnknownAccountException("No such user.");
        }
        return user;
    }
}
