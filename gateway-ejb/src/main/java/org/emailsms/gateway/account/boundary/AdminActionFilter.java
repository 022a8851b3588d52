package org.emailsms.gateway.account.boundary;

import java.io.Serializable;
import java.time.LocalDate;

import org.emailsms.gateway.account.entity.AdminActionKind;

/**
 * Which administrators' actions to show: one company (null: every company and the provider's own
 * objects, for the provider's administrators only), an administrator whose username contains
 * {@code actor}, one kind of action, and days (UTC) from and to, both included; null fields do not
 * filter.
 */
public record AdminActionFilter(Long companyId, String actor, AdminActionKind kind, LocalDate from, LocalDate to)
        implements Serializable {

    public AdminActionFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("'From' (" + from + ") is after 'To' (" + to + "): no day is in between.");
        }
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }
}
