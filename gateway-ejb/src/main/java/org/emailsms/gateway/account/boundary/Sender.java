package org.emailsms.gateway.account.boundary;

import java.time.ZoneId;
import java.util.Set;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.User;

/**
 * Who sends, as far as accepting a message needs it: the user with the settings of its company and
 * department that the checks, the quotas and the reply paths read. Read afresh from the database for
 * every request (a change made on any node applies to the next one), in one statement rather than
 * as three entities and their country list; immutable, so the acceptance's writer can use it after
 * the check's transaction has ended.
 *
 * @param companyId              null for a provider administrator, who belongs to no company
 * @param destinationsRestricted whether the company keeps a list of the only numbers it may text
 */
public record Sender(long userId, String username, Long companyId, String homeCountry, ZoneId timeZone,
                     Set<String> allowedCountries, Integer companyDailyQuota, boolean splitLongMessages,
                     int maxSegments, boolean omsCompress, Long departmentId, Integer departmentDailyQuota,
                     boolean destinationsRestricted) {

    public Sender {
        allowedCountries = Set.copyOf(allowedCountries);
    }

    /** The same, from entities read in the caller's transaction (tests build senders this way). */
    public static Sender of(User user, boolean destinationsRestricted) {
        Company company = user.getCompany();
        Department department = user.getDepartment();
        return new Sender(user.getId(), user.getUsername(), company == null ? null : company.getId(),
                company == null ? null : company.getHomeCountry(), company == null ? null : company.getTimeZone(),
                company == null ? Set.of() : company.getAllowedCountries(),
                company == null ? null : company.getDailyQuota(), company != null && company.isSplitLongMessages(),
                company == null ? 0 : company.getMaxSegments(), company != null && company.isOmsCompress(),
                department == null ? null : department.getId(), department == null ? null : department.getDailyQuota(),
                destinationsRestricted);
    }
}
