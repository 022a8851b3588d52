package org.emailsms.gateway.oms.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Outlook sends the password with every message; checking it in full (PBKDF2) each time would cost
 * the gateway more than the message. A password verified once is remembered on this node for a short
 * while, as an HMAC under a key that exists only in this node's memory, never the password itself.
 * What is remembered is tied to the stored password hash, so a password change ends it at once; the
 * caller checks that the account is still active and not blocked on every use.
 */
@ApplicationScoped
public class RememberedPasswords {

    /** More entries than this are remembered only after the expired ones are forgotten. */
    private static final int MAX_ENTRIES = 100_000;

    /** Who signed in with it, under which stored password hash, until when. */
    public record Remembered(long userId, String passwordHash, Instant until) {
    }

    private final SecretKeySpec key;
    private final ConcurrentMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public RememberedPasswords() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public Optional<Remembered> find(String username, String password, Instant now) {
        Remembered entry = remembered.get(keyOf(username, password));
        return entry != null && entry.until().isAfter(now) ? Optional.of(entry) : Optional.empty();
    }

    public void remember(String username, String password, long userId, String passwordHash, Instant until) {
        if (remembered.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            remembered.values().removeIf(entry -> !entry.until().isAfter(now));
        }
        remembered.put(keyOf(username, password), new Remembered(userId, passwordHash, until));
    }

    public void forget(String username, String password) {
        remembered.remove(keyOf(username, password));
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }
}
