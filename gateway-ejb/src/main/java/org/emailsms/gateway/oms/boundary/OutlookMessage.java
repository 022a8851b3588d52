package org.emailsms.gateway.oms.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One text message as Outlook or SharePoint sends it: the sender's credentials (sent with every
 * message), the service asked for, how the client made it ({@code sourceType}), when to send it
 * (null or past: now), the recipients, and its parts, each to go as an SMS of its own, in order.
 */
public record OutlookMessage(String userId, String password, String requiredService, String sourceType,
                             Instant scheduled, List<String> recipients, List<String> parts) {
}
