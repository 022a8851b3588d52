package org.emailsms.gateway.history.boundary;

import java.util.List;

/**
 * A page of a user's activity, oldest first, and where the next page starts: give {@code next} back
 * as {@code since} to get what came or changed after this page. {@code more} says whether more is
 * waiting now.
 */
public record HistoryPage(List<HistoryEntry> entries, String next, boolean more) {
}
