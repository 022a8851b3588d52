package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;

import org.emailsms.gateway.account.entity.Company;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final Company company = new Company("Acme", "AU", ZoneId.of("Australia/Sydney"));

    @Test
    void refusesShortPasswordsAndTooFewCharacterClasses() {
        company.changeLoginCriteria(12, 3, null, null);

        assertEquals(Optional.of("A password needs at least 12 characters."), PasswordPolicy.violation("Ab1", company));
        assertTrue(PasswordPolicy.violation("abcdefghijkl1", company).isPresent(), "two classes of three");
        assertEquals(Optional.empty(), PasswordPolicy.violation("abcdefghijK1", company));
    }

    @Test
    void generatedPasswordsMeetTheStrictestCriteria() {
        Passwords cut = new Passwords();
        for (int i = 0; i < 200; i++) {
            String password = cut.generate(20, 4);
            assertEquals(20, password.length());
            assertEquals(4, PasswordPolicy.classesIn(password), password);
        }
    }
}
