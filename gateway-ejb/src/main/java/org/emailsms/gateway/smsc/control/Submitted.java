package org.emailsms.gateway.smsc.control;

/** A part the SMSC of {@code carrier} acknowledged under {@code smscId}. */
public record Submitted(String carrier, String smscId) {
}
