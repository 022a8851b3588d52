package org.emailsms.gateway.account.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.platform.control.KeyFiles;

/**
 * The 16-digit serial numbers that identify an activated add-in, and the hash under which they are
 * kept: HMAC-SHA-256 under a key the database does not hold ({@code gateway.serial.key}, or the
 * file {@code serial.key} in the data directory). Sixteen digits are about 2^53 values, few enough
 * to try them all against a plain hash; without the key a copy of the database gives nothing away.
 */
@ApplicationScoped
public class SerialNumbers {

    public static final int DIGITS = 16;
    private static final Logger LOG = Logger.getLogger(SerialNumbers.class.getName());
    private static final String MAC = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();

    @Inject
    @ConfigProperty(name = "gateway.serial.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    private SecretKeySpec key;

    /** Loads (or, the first time, creates) the key at start-up rather than at the first activation. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine("serial number key loaded");
    }

    @PostConstruct
    void loadKey() {
        key = new SecretKeySpec(KeyFiles.load(configuredKey, Path.of(dataDir, "serial.key"), 32,
                "serial number key (gateway.serial.key)"), MAC);
    }

    /** Outside the container, with a given key: for tests and tools. */
    public static SerialNumbers withKey(byte[] key) {
        SerialNumbers serials = new SerialNumbers();
        serials.key = new SecretKeySpec(key, MAC);
        return serials;
    }

    /**
     * A key for another purpose derived from this one (HMAC of the purpose's name), so that every
     * node that shares the serial key shares it too, and neither key reveals the other.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

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

    /** The keyed hash under which a serial is kept. */
    public String hash(String serial) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(serial.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }

    /** The plain SHA-256 that earlier versions kept; such a row is rewritten at its next use. */
    public String legacyHash(String serial) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(serial.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
