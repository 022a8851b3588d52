package org.emailsms.gateway.account.boundary;

import java.time.ZoneId;
import java.util.Set;

/**
 * Who sends, as far as accepting a message needs it: the user with the settings of its company and
 * department that the checks, the quotas and the reply paths read. Read afresh from the database for
 * every request (a change made on any node applies to the next one), in one statement rather than
 * as three entities and their country list; immutable, so the acceptance's writer, on another
 * thread and in another transaction, uses what the check read.
 *
 * @param companyId              null for a provider administrator, who belongs to no company
 * @param destinationsRestricted whether the company keeps a list of the only numbers it may text
 * @param companyName            and {@code departmentName}, which the routes to carriers match (null
 *                               where there is none)
 */
public record Sender(long userId, String username, Long companyId, String homeCountry, ZoneId timeZone,
                     Set<String> allowedCountries, Integer companyDailyQuota, boolean splitLongMessages,
                     int maxSegments, boolean omsCompress, Long departmentId, Integer departmentDailyQuota,
                     boolean destinationsRestricted, String companyName, String departmentName) {

    public Sender {
        allowedCountries = Set.copyOf(allowedCountries);
    }
}
