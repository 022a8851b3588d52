package org.emailsms.gateway.report.boundary;

/** Messages and the SMS segments they took, under one label (a status, a day, a department). */
public record Tally(String label, long messages, long segments) {
}
