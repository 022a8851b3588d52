package org.emailsms.gateway.account.control;

import java.security.SecureRandom;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hashes and checks passwords with Jakarta Security's PBKDF2, and generates new ones. */
@ApplicationScoped
public class Passwords {

    /** No look-alike characters (0/O, 1/l/I): people type these from an email. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final String SYMBOLS = "#%+-=?@_";
    private static final int GENERATED_LENGTH = 14;

    private final SecureRandom random = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "gateway.password.iterations", defaultValue = "210000")
    int iterations;

    /** Hashed once at start so that an unknown username costs as much time as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = hash(generate());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification, for callers that have no hash to check against. */
    public void verifyDecoy(String password) {
        hash.verify(password.toCharArray(), decoyHash);
    }

    public String generate() {
        return generate(GENERATED_LENGTH, 3);
    }

    /**
     * A password of at least {@code minLength} characters that uses at least {@code classes} of
     * lower case, upper case, digits and other characters, so it passes the company's criteria.
     */
    public String generate(int minLength, int classes) {
        int length = Math.max(GENERATED_LENGTH, minLength);
        while (true) {
            StringBuilder password = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (classes >= 4) {
                password.setCharAt(random.nextInt(length), SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
            }
            if (PasswordPolicy.classesIn(password) >= Math.min(classes, 4)) {
                return password.toString();
            }
        }
    }
}
