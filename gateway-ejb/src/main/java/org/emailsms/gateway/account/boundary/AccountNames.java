package org.emailsms.gateway.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * Names to ids, for the SOAP provisioning API and the bulk upload, which name companies,
 * departments and users where the portal has their ids. A name the administrator may not see reads
 * as unknown, exactly like a name that does not exist.
 */
@Stateless
public class AccountNames {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    public Long companyId(String actorName, String companyName) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Company company = companyName == null ? null : em.createNamedQuery("Company.findByName", Company.class)
                .setParameter("name", companyName.strip()).getResultStream().findFirst().orElse(null);
        if (company == null || !actor.administers(company)) {
            throw new UnknownAccountException("No company named '" + companyName + "'.");
        }
        return company.getId();
    }

    /** The department of that name in the company; null for a blank name (no department). */
    public Long departmentId(String actorName, Long companyId, String departmentName)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        if (departmentName == null || departmentName.isBlank()) {
            return null;
        }
        return em.createNamedQuery("Department.findByName", Department.class).setParameter("company", company)
                .setParameter("name", departmentName.strip()).getResultStream().findFirst().map(Department::getId)
                .orElseThrow(() -> new UnknownAccountException("No department '" + departmentName + "' in "
                        + company.getName() + "."));
    }

    /** A user of a company the administrator administers (any, for the provider's). */
    public Long userId(String actorName, String username) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        User user = username == null ? null : em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", Authenticator.normalise(username)).getResultStream().findFirst().orElse(null);
        boolean visible = user != null && (actor.getRole() == Role.PROVIDER_ADMIN
                || user.getCompany() != null && actor.administers(user.getCompany()));
        if (!visible) {
            throw new UnknownAccountException("No user named '" + username + "'.");
        }
        return user.getId();
    }
}
