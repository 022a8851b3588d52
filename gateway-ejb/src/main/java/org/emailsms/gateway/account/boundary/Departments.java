package org.emailsms.gateway.account.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.LogSafe;

/**
 * A company's departments, by id, for the portal and (names resolved by {@link AccountNames}) the
 * SOAP provisioning API alike: list, create, rename and set the daily quota, disable and enable,
 * delete when empty. A name taken in the company (in any case) is {@link AccountAlreadyExistsException}
 * through either.
 */
@Stateless
public class Departments {

    private static final Logger LOG = Logger.getLogger(Departments.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    AdminAudit audit;

    public List<Department> list(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createQuery("""
                        SELECT d FROM Department d WHERE d.company = :company AND d.deletedAt IS NULL ORDER BY d.name""",
                        Department.class)
                .setParameter("company", company).getResultList();
    }

    public void create(String actorName, Long companyId, String name, Integer dailyQuota)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException,
            AccountAlreadyExistsException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId);
        String clean = departmentName(company, name, null);
        requireQuota(dailyQuota);
        Department department = new Department(company, clean);
        department.limitDailyQuota(dailyQuota);
        em.persist(department);
        audit.record(actor, company, AdminActionKind.CREATED, "department '" + clean + "'",
                dailyQuota == null ? null : "daily quota: " + dailyQuota);
        LOG.info(() -> String.format("%s created department '%s' in '%s'", actor.getUsername(), LogSafe.text(clean),
                LogSafe.text(company.getName())));
    }

    public void change(String actorName, Long departmentId, String name, Integer dailyQuota)
            throws NotAuthorizedException, UnknownAccountException, InvalidRequestException,
            AccountAlreadyExistsException {
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
        LOG.info(() -> String.format("%s changed department '%s': quota %s", actor.getUsername(), LogSafe.text(clean),
                dailyQuota));
    }

    public void changeStatus(String actorName, Long departmentId, AccountStatus status)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Department department = tenancy.department(actor, departmentId);
        AccountStatus before = department.getStatus();
        department.changeStatus(status);
        audit.statusChanged(actor, department.getCompany(), "department '" + department.getName() + "'", before, status);
        LOG.info(() -> String.format("%s set department '%s' %s", actor.getUsername(), LogSafe.text(department.getName()),
                status));
    }

    /** Only an empty department goes; its messages stay in the reports under its old name. */
    public void delete(String actorName, Long departmentId)
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
        LOG.info(() -> String.format("%s deleted department '%s'", actor.getUsername(), LogSafe.text(name)));
    }

    /** The name stripped, if free in the company (names differ in more than case). */
    private String departmentName(Company company, String name, Department renamed)
            throws InvalidRequestException, AccountAlreadyExistsException {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidRequestException("A department needs a name of at most 120 characters.");
        }
        String clean = name.strip();
        boolean taken = em.createNamedQuery("Department.findByName", Department.class)
                .setParameter("company", company).setParameter("name", clean)
                .getResultStream().anyMatch(d -> renamed == null || !d.getId().equals(renamed.getId()));
        if (taken) {
            throw new AccountAlreadyExistsException("Department '" + clean + "' exists already in " + company.getName() + ".");
        }
        return clean;
    }

    private static void requireQuota(Integer dailyQuota) throws InvalidRequestException {
        if (dailyQuota != null && dailyQuota < 0) {
            throw new InvalidRequestException("A daily quota cannot be negative.");
        }
    }
}
