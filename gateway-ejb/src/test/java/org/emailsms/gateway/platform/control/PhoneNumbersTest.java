package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void readsNationalMobileNumbersInTheHomeCountry() {
        assertEquals(Optional.of("+61412345678"), PhoneNumbers.mobileE164("0412 345 678", "AU"));
        assertEquals(Optional.of("+61412345678"), PhoneNumbers.mobileE164("0412345678", "au"));
    }

    @Test
    void keepsInternationalNumbersWhateverTheHomeCountry() {
        assertEquals(Optional.of("+64211234567"), PhoneNumbers.mobileE164("+64 21 123 4567", "AU"));
        assertEquals(Optional.of("NZ"), PhoneNumbers.countryOf("+64211234567"));
    }

    @Test
    void refusesFixedLinesAndNonsense() {
        assertFalse(PhoneNumbers.mobileE164("02 9374 4000", "AU").isPresent(), "a Sydney landline");
        assertFalse(PhoneNumbers.mobileE164("12", "AU").isPresent());
        assertFalse(PhoneNumbers.mobileE164("call me", "AU").isPresent());
        assertFalse(PhoneNumbers.mobileE164("", "AU").isPresent());
        assertFalse(PhoneNumbers.mobileE164(null, "AU").isPresent());
    }

    @Test
    void knowsCountriesWithANumberingPlan() {
        assertTrue(PhoneNumbers.isKnownCountry("AU"));
        assertTrue(PhoneNumbers.isKnownCountry("nz"));
        assertFalse(PhoneNumbers.isKnownCountry("XX"));
        assertFalse(PhoneNumbers.isKnownCountry(null));
    }

    @Test
    void readsSmscAddressesIntoE164() {
        assertEquals("+61412345678", PhoneNumbers.fromSmsc("61412345678", null), "international digits");
        assertEquals("+61412345678", PhoneNumbers.fromSmsc("+61412345678", "NZ"));
        assertEquals("+61412345678", PhoneNumbers.fromSmsc("0061412345678", null));
        assertEquals("+61412345678", PhoneNumbers.fromSmsc("0412345678", "AU"), "national, in the pool number's country");
        assertEquals("ACME", PhoneNumbers.fromSmsc("ACME", "AU"), "an alphanumeric sender stays as it is");
    }
}
