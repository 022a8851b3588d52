package org.emailsms.gateway.account.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

/** The 16-digit serial numbers that identify an activated add-in, and the hash under which they are kept. */
@ApplicationScoped
public class SerialNumbers {

    public static final int DIGITS = 16;

    private final SecureRandom random = new SecureRandom();

    /** Sixteen random decimal digits, the first never zero so that the serial is always 16 digits long. */
    public String generate() {
        StringBuilder serial = new StringBuilder(DIGITS);
        serial.append(1 + random.nextInt(9));
        for (int i = 1; i < DIGITS; i++) {
            serial.append(random.nextInt(10));
        }
        return serial.toString();
    }

    public boolean isWellFormed(String serial) {
        return serial != null && serial.length() == DIGITS && serial.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public String hash(String serial) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(serial.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
