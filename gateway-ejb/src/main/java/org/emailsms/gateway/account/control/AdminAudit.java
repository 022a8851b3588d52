package org.emailsms.gateway.account.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;

import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminAction;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;

/**
 * Writes the audit trail of administrators' actions, in the transaction of the change itself (a
 * refused change leaves nothing). The channel and client address come from the HTTP request the
 * action arrived in: the portal's pages ({@code /admin/...}) or the SOAP provisioning API; work the
 * container does later on an administrator's behalf (the rows of a bulk upload) has no request and
 * is written as {@code BACKGROUND}.
 */
@Dependent
public class AdminAudit {

    public static final String PORTAL = "PORTAL";
    public static final String SOAP = "SOAP";
    public static final String BACKGROUND = "BACKGROUND";
    /** The operator of the machine the gateway runs on, with the operator token. */
    public static final String OPERATOR = "OPERATOR";

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<HttpServletRequest> requests;

    public AdminAudit() {
    }

    /** Outside the container, for the database tests: no request, so every entry is BACKGROUND. */
    public AdminAudit(EntityManager em) {
        this.em = em;
    }

    /** {@code company} null: one of the provider's own objects (a provider administrator, the platform). */
    public void record(User actor, Company company, AdminActionKind kind, String subject, String details) {
        String channel = BACKGROUND;
        String clientIp = null;
        HttpServletRequest request = currentRequest();
        if (request != null) {
            channel = request.getServletPath().startsWith("/admin") ? PORTAL : SOAP;
            clientIp = HttpHardeningFilter.clientAddress(request);
        }
        em.persist(new AdminAction(OffsetDateTime.now(ZoneOffset.UTC), actor.getUsername(), channel, clientIp, company,
                kind, subject, details));
    }

    /** An action of the machine's operator, who is no user of the gateway. */
    public void recordByOperator(Company company, AdminActionKind kind, String subject, String details) {
        HttpServletRequest request = currentRequest();
        em.persist(new AdminAction(OffsetDateTime.now(ZoneOffset.UTC), "operator", OPERATOR,
                request == null ? null : HttpHardeningFilter.clientAddress(request), company, kind, subject, details));
    }

    /** An ENABLED or DISABLED entry, when the status did change. */
    public void statusChanged(User actor, Company company, String subject, AccountStatus before, AccountStatus after) {
        if (before != after) {
            record(actor, company, after == AccountStatus.ACTIVE ? AdminActionKind.ENABLED : AdminActionKind.DISABLED,
                    subject, null);
        }
    }

    private HttpServletRequest currentRequest() {
        if (requests == null || !requests.isResolvable()) {
            return null;
        }
        try {
            HttpServletRequest request = requests.get();
            request.getServletPath(); // outside a request the proxy refuses here
            return request;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    /** The changed values as "name: before → after; ...", only those that differ. */
    public static Changes changes() {
        return new Changes();
    }

    /** Collects "name: before → after" for the values that differ. */
    public static final class Changes {
        private final List<String> changed = new ArrayList<>();

        public Changes of(String name, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changed.add(name + ": " + shown(before) + " → " + shown(after));
            }
            return this;
        }

        public boolean isEmpty() {
            return changed.isEmpty();
        }

        @Override
        public String toString() {
            return String.join("; ", changed);
        }

        private static String shown(Object value) {
            return value == null || "".equals(value) ? "(none)" : value.toString();
        }
    }
}
