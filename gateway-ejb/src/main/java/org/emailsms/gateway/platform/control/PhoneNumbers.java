package org.emailsms.gateway.platform.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Mobile numbers and country codes, by libphonenumber: numbers are stored in E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> MOBILE_TYPES =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private PhoneNumbers() {
    }

    /** Whether this is an ISO 3166 region code that has a numbering plan, such as AU or DE. */
    public static boolean isKnownCountry(String countryCode) {
        return countryCode != null && UTIL.getSupportedRegions().contains(countryCode.toUpperCase(Locale.ROOT));
    }

    /**
     * The number in E.164 if it is a valid mobile number; national numbers are read as numbers of
     * {@code defaultCountry}.
     */
    public static Optional<String> mobileE164(String raw, String defaultCountry) {
        return parse(raw, defaultCountry)
                .filter(UTIL::isValidNumber)
                .filter(number -> MOBILE_TYPES.contains(UTIL.getNumberType(number)))
                .map(number -> UTIL.format(number, PhoneNumberFormat.E164));
    }

    /**
     * An address as an SMSC gives it, in the form numbers are stored in: international digits
     * ({@code 61412345678}, {@code +61...}, {@code 0061...}) become E.164; a national number is read
     * as a number of {@code defaultCountry}; anything else (an alphanumeric sender) is kept as given.
     */
    public static String fromSmsc(String address, String defaultCountry) {
        String raw = address == null ? "" : address.strip();
        String digits = raw.replaceAll("[\\s()-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (digits.matches("\\+?[1-9]\\d{6,14}")) {
            return digits.startsWith("+") ? digits : "+" + digits;
        }
        return parse(digits, defaultCountry)
                .filter(UTIL::isValidNumber)
                .map(number -> UTIL.format(number, PhoneNumberFormat.E164))
                .orElse(raw);
    }

    /**
     * A sender number as an operator types it, in E.164: international or national (of
     * {@code defaultCountry}), any number that can exist (ranges kept for fiction included).
     */
    public static Optional<String> senderE164(String raw, String defaultCountry) {
        return parse(raw, defaultCountry)
                .filter(UTIL::isPossibleNumber)
                .map(number -> UTIL.format(number, PhoneNumberFormat.E164));
    }

    /** The ISO country of a valid number, such as AU for +61412345678. */
    public static Optional<String> countryOf(String e164) {
        return parse(e164, null).map(UTIL::getRegionCodeForNumber);
    }

    private static Optional<PhoneNumber> parse(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTIL.parse(raw, defaultCountry == null ? null : defaultCountry.toUpperCase(Locale.ROOT)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
