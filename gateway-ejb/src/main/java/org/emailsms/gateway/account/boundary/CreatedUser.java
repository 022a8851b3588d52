package org.emailsms.gateway.account.boundary;

/** A user just created; {@code generatedPassword} is set only when the gateway chose the password. */
public record CreatedUser(String username, String generatedPassword) {
}
