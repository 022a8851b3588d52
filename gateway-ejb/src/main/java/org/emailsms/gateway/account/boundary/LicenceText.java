package org.emailsms.gateway.account.boundary;

/** The end-user licence a client shows before activation, and the version it accepts by activating. */
public record LicenceText(String version, String text) {
}
