package org.emailsms.gateway.report.boundary;

import java.time.LocalDate;
import java.util.Arrays;

import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.MessageStatus;

/**
 * What the transaction report shows: one company's messages, optionally of one user, one
 * department, to one destination, in one status, from one source (a {@code MessageSource} name),
 * created between two days (inclusive, in the company's time zone). Nulls and blanks mean "any".
 */
public record TransactionFilter(Long companyId, Long userId, Long departmentId, String destination, String status,
                                String source, LocalDate from, LocalDate to) {

    /** Refuses, with a message for people, a filter that could only ever show nothing. */
    public TransactionFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("'From' (" + from + ") is after 'To' (" + to + "): no day is in between.");
        }
        if (status != null && !status.isBlank() && Arrays.stream(MessageStatus.values())
                .noneMatch(known -> known.name().equals(status.strip()))) {
            throw new IllegalArgumentException("There is no status '" + status.strip() + "'.");
        }
        if (source != null && !source.isBlank() && Arrays.stream(MessageSource.values())
                .noneMatch(known -> known.name().equals(source.strip()))) {
            throw new IllegalArgumentException("There is no source '" + source.strip() + "'.");
        }
    }

    /** From any source. */
    public TransactionFilter(Long companyId, Long userId, Long departmentId, String destination, String status,
                             LocalDate from, LocalDate to) {
        this(companyId, userId, departmentId, destination, status, null, from, to);
    }

    public TransactionFilter forUser(Long user) {
        return new TransactionFilter(companyId, user, departmentId, destination, status, source, from, to);
    }
}
