package org.emailsms.gateway.oms.boundary;

import java.util.Set;

/** A user signed in through Outlook's text messaging, with what the protocol tells Outlook of them. */
public record OutlookUser(long id, String username, String mobile, String email, Set<String> acceptedSources) {
}
