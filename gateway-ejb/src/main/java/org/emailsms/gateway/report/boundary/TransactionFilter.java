package org.emailsms.gateway.report.boundary;

import java.time.LocalDate;

/**
 * What the transaction report shows: one company's messages, optionally of one user, one
 * department, to one destination, in one status, from one source (a {@code MessageSource} name),
 * created between two days (inclusive, in the company's time zone). Nulls and blanks mean "any".
 */
public record TransactionFilter(Long companyId, Long userId, Long departmentId, String destination, String status,
                                String source, LocalDate from, LocalDate to) {

    /** From any source. */
    public TransactionFilter(Long companyId, Long userId, Long departmentId, String destination, String status,
                             LocalDate from, LocalDate to) {
        this(companyId, userId, departmentId, destination, status, null, from, to);
    }

    public TransactionFilter forUser(Long user) {
        return new TransactionFilter(companyId, user, departmentId, destination, status, source, from, to);
    }
}
