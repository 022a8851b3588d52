package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request the department's quota refuses must leave the company's quota as it was, even in a
 * transaction that commits: sendMessage requests are accepted in groups, one transaction each.
 */
class QuotaLedgerTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aDepartmentRefusalGivesTheCompanyItsReservationBack() {
        long[] ids = database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", SYDNEY);
            company.limitDailyQuota(100);
            em.persist(company);
            Department department = new Department(company, "Sales");
            department.limitDailyQuota(3);
            em.persist(department);
            return new long[] {company.getId(), department.getId()};
        });

        database.inTransaction(em -> {
            Company company = em.find(Company.class, ids[0]);
            Department department = em.find(Department.class, ids[1]);
            QuotaLedger ledger = ledger(em);
            assertThrows(QuotaExceededException.class, () -> ledger.reserve(company, department, 5));
            try {
                ledger.reserve(company, department, 2); // another request of the same group
            } catch (QuotaExceededException e) {
                throw new AssertionError(e);
            }
        });

        assertEquals(2, used("COMPANY", ids[0]), "only the accepted request counts against the company");
        assertEquals(2, used("DEPARTMENT", ids[1]));
    }

    private static QuotaLedger ledger(EntityManager em) {
        QuotaLedger ledger = new QuotaLedger();
        ledger.em = em;
        ledger.rows = new UsageRows();
        ledger.rows.em = em; // the same transaction here; in the container it is one of its own
        return ledger;
    }

    private int used(String scope, long id) {
        return database.inTransaction(em -> {
            return ((Number) em.createNativeQuery(
                            "SELECT segments FROM daily_usage WHERE scope = ?1 AND scope_id = ?2 AND usage_day = ?3")
                    .setParameter(1, scope).setParameter(2, id).setParameter(3, LocalDate.now(SYDNEY))
                    .getSingleResult()).intValue();
        });
    }
}
