package org.emailsms.gateway.account.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.emailsms.gateway.account.entity.Role;

/**
 * What an administrator says about a new user (its company and department are given by id beside
 * it); a blank password means "generate one".
 */
public record NewUser(
        @NotBlank(message = "A user needs a username.")
        @Size(max = 120, message = "A username has at most 120 characters.")
        @Pattern(regexp = "[A-Za-z0-9._@+-]+", message = "A username uses letters, digits and . _ @ + - only.")
        String username,
        @NotBlank(message = "A user needs an email address: replies and notices go there.")
        @Email(message = "The email address is not valid.")
        @Size(max = 254, message = "An email address has at most 254 characters.")
        String email,
        String mobile,
        @NotNull(message = "A user needs a role: COMPANY_ADMIN or SENDER.")
        Role role,
        @Size(max = 200, message = "A password has at most 200 characters.")
        String password) {
}
