package org.emailsms.gateway.account.boundary;

import java.util.Set;

/** What a provider administrator sets for a company; a null quota means unlimited. */
public record CompanySettings(String name, String timeZone, Set<String> allowedCountries, Integer dailyQuota,
                              boolean splitLongMessages, int maxSegments, boolean deliveryConfirmation) {
}
