package org.emailsms.gateway.platform.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Message content at rest is AES-256-GCM encrypted; numbers are not. The key is
 * {@code gateway.crypto.key} (base64) or, on a single node, a key file the gateway creates in the
 * data directory at first start ({@link KeyFiles}). Nodes sharing a database must share the key.
 */
@ApplicationScoped
public class ContentCipher {

    private static final Logger LOG = Logger.getLogger(ContentCipher.class.getName());
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PURPOSE = "message content key (gateway.crypto.key, AES-256)";

    private final SecureRandom random = new SecureRandom();

    @Inject
    @ConfigProperty(name = "gateway.crypto.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    private SecretKey key;

    /** Loads (or, the first time, creates) the key at start-up rather than on the first message. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine("message content key loaded");
    }

    @PostConstruct
    void loadKey() {
        key = new SecretKeySpec(KeyFiles.load(configuredKey, Path.of(dataDir, "content.key"), 32, PURPOSE), "AES");
    }

    /** A cipher outside the container, with a given key (base64 of 32 bytes): for tests and tools. */
    public static ContentCipher withKey(String base64Key) {
        ContentCipher cipher = new ContentCipher();
        cipher.key = fromBase64(base64Key);
        return cipher;
    }

    /** Nonce followed by ciphertext and tag. */
    public byte[] encrypt(String text) {
        return encrypt(text.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] stored) {
        return new String(decryptBytes(stored), StandardCharsets.UTF_8);
    }

    /** For content kept as bytes, such as the parts of a reply before they can be decoded. */
    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt message content", e);
        }
    }

    public byte[] decryptBytes(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt message content: wrong key or damaged data", e);
        }
    }

    /**
     * Empty when {@code stored} was sealed under another content key or is damaged: for callers
     * that must carry on without it (one unreadable row must not hide the others).
     */
    public Optional<byte[]> tryDecryptBytes(byte[] stored) {
        try {
            return Optional.of(decryptBytes(stored));
        } catch (IllegalStateException unreadable) {
            return Optional.empty();
        }
    }

    /** {@link #tryDecryptBytes} for text. */
    public Optional<String> tryDecrypt(byte[] stored) {
        return tryDecryptBytes(stored).map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    static SecretKey fromBase64(String encoded) {
        return new SecretKeySpec(KeyFiles.load(Optional.of(encoded), null, 32, PURPOSE), "AES");
    }
}
