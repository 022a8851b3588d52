package org.emailsms.client;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the client keeps what it must remember: its settings in {@code client.properties} in the
 * configuration directory ({@code $EMAILSMS_CONFIG_HOME}, else {@code $XDG_CONFIG_HOME/emailsms},
 * else {@code ~/.config/emailsms}), and the key that encrypts the secrets among them (the serial, a
 * directory password) in another directory ({@code $EMAILSMS_DATA_HOME}, else
 * {@code $XDG_DATA_HOME/emailsms}, else {@code ~/.local/share/emailsms}), readable by the user only.
 *
 * <p>What this protects: a copy of the configuration alone (a synced or backed-up dotfiles folder,
 * a file sent to a colleague for help) gives away no serial. What it does not: anyone who can read
 * both directories as the user (the user's account, an administrator, malware running as the user)
 * can decrypt the serial, as they could use an unlocked add-in. A revoked or deactivated serial is
 * worthless either way.
 */
public final class ClientFiles {

    private static final String SETTINGS = "client.properties";
    private static final String KEY = "secret.key";
    private static final String ENCRYPTED = "aesgcm:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path configDirectory;
    private final Path keyDirectory;

    public ClientFiles(Path configDirectory, Path keyDirectory) {
        this.configDirectory = configDirectory;
        this.keyDirectory = keyDirectory;
    }

    /** The directories for the user whose environment this is. */
    public static ClientFiles of(Map<String, String> environment) {
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        return new ClientFiles(
                directory(environment, "EMAILSMS_CONFIG_HOME", "XDG_CONFIG_HOME", home.resolve(".config")),
                directory(environment, "EMAILSMS_DATA_HOME", "XDG_DATA_HOME", home.resolve(".local/share")));
    }

    private static Path directory(Map<String, String> environment, String own, String xdg, Path fallback) {
        String explicit = environment.get(own);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String base = environment.get(xdg);
        return (base == null || base.isBlank() ? fallback : Path.of(base)).resolve("emailsms");
    }

    public Path configDirectory() {
        return configDirectory;
    }

    public Path keyDirectory() {
        return keyDirectory;
    }

    /** The settings; empty when none are saved yet. */
    public Properties load() {
        Properties settings = new Properties();
        Path file = configDirectory.resolve(SETTINGS);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return settings;
    }

    /** Saves the settings whole, replacing the file at once (never half written). */
    public void save(Properties settings) {
        try {
            Files.createDirectories(configDirectory);
            Path file = configDirectory.resolve(SETTINGS);
            Path next = Files.createTempFile(configDirectory, SETTINGS, ".new");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                settings.store(out, "emailsms client settings; secrets are encrypted with the key in " + keyDirectory);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings in " + configDirectory, e);
        }
    }

    /** A secret as the settings keep it: AES-256-GCM under this user's key, which is made on first use. */
    public String encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENCRYPTED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** The secret, or null when it cannot be decrypted here (another user's key, or the key is gone). */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(ENCRYPTED)) {
            return null;
        }
        try {
            byte[] key = key(false);
            if (key == null) {
                return null;
            }
            byte[] bytes = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] key(boolean create) {
        Path file = keyDirectory.resolve(KEY);
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (key.length != KEY_BYTES) {
                    throw new IllegalStateException(file + " is not a key of " + KEY_BYTES + " bytes");
                }
                return key;
            }
            if (!create) {
                return null;
            }
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            Files.createDirectories(keyDirectory);
            Path next = keyDirectory.resolve(KEY + ".new");
            Files.deleteIfExists(next);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Readable by the user only from its first byte: created so, never widened and narrowed.
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(next);
            }
            Files.writeString(next, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the key in " + keyDirectory, e);
        }
    }
}
