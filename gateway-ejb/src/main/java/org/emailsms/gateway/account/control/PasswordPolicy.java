package org.emailsms.gateway.account.control;

import java.util.Optional;

import org.emailsms.gateway.account.entity.Company;

/**
 * A company's login criteria for passwords: a minimum length and how many of the four character
 * classes a password uses (for provider administrators, who belong to no company, 12 and 3).
 * Applied where a password is chosen, not at sign-in.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH_FLOOR = 8;
    public static final int MAX_LENGTH = 200;
    /** Provider administrators hold the keys to every company: longer passwords, three classes. */
    public static final int PROVIDER_MIN_LENGTH = 12;
    public static final int PROVIDER_CLASSES = 3;

    private PasswordPolicy() {
    }

    /** Why {@code password} does not meet the company's criteria, or empty when it does. */
    public static Optional<String> violation(String password, Company company) {
        int minLength = company == null ? PROVIDER_MIN_LENGTH : company.getPasswordMinLength();
        int classes = company == null ? PROVIDER_CLASSES : company.getPasswordClasses();
        if (password.length() < minLength) {
            return Optional.of("A password needs at least " + minLength + " characters.");
        }
        if (classesIn(password) < classes) {
            return Optional.of("A password needs at least " + classes
                    + " of: lower case letters, upper case letters, digits, other characters.");
        }
        return Optional.empty();
    }

    static int classesIn(CharSequence password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
