package org.emailsms.gateway.account.boundary;

import java.time.OffsetDateTime;

/** Who accepted which version of the licence, when and from where: one activation. */
public record LicenceAcceptance(String username, String version, OffsetDateTime acceptedAt, String clientIp) {
}
