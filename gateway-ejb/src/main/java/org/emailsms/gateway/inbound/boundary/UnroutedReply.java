package org.emailsms.gateway.inbound.boundary;

import java.time.OffsetDateTime;

/** A reply that no user owned, as administrators see it. */
public record UnroutedReply(long id, String handset, String poolNumber, OffsetDateTime receivedAt, String text,
                            String mailedTo) {
}
