package org.emailsms.gateway.account.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

import org.emailsms.gateway.account.entity.AdminAction;
import org.emailsms.gateway.account.entity.AdminActionKind;

/** One entry of the audit trail of administrators' actions, as pages and exports show it. */
public record AdminActionRecord(long id, OffsetDateTime actedAt, String actor, String channel, String clientIp,
        Long companyId, String companyName, AdminActionKind kind, String subject, String details) implements Serializable {

    static AdminActionRecord of(AdminAction action) {
        return new AdminActionRecord(action.getId(), action.getActedAt(), action.getActor(), action.getChannel(),
                action.getClientIp(), action.getCompany() == null ? null : action.getCompany().getId(),
                action.getCompany() == null ? null : action.getCompany().getName(), action.getKind(), action.getSubject(),
                action.getDetails());
    }

    /** The same entry with the provider's administrator and their address left out. */
    AdminActionRecord byTheProvider() {
        return new AdminActionRecord(id, actedAt, AdminActions.PROVIDER, channel, null, companyId, companyName, kind,
                subject, details);
    }

    /** The channel in people's words. */
    public String channelLabel() {
        return switch (channel) {
            case "PORTAL" -> "Portal";
            case "SOAP" -> "Provisioning API (SOAP)";
            case "OPERATOR" -> "On the server machine";
            default -> "Background (on the administrator's behalf)";
        };
    }
}
