package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void encryptsSoThatTheTextIsNotInTheStoredBytesAndDecryptsBack() {
        ContentCipher cut = cipherWithKeyFile();
        byte[] stored = cut.encrypt("Meet me at 3pm 😀");

        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Meet me"));
        assertEquals("Meet me at 3pm 😀", cut.decrypt(stored));
        assertNotEquals(Arrays.toString(stored), Arrays.toString(cut.encrypt("Meet me at 3pm 😀")),
                "a fresh nonce every time");
    }

    @Test
    void refusesTamperedContent() {
        ContentCipher cut = cipherWithKeyFile();
        byte[] stored = cut.encrypt("Pay 100");
        stored[stored.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> cut.decrypt(stored));
    }

    @Test
    void tryDecryptGivesNothingForContentSealedUnderAnotherKey() {
        byte[] stored = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32])).encrypt("Hello");
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 9);

        assertEquals(Optional.of("Hello"),
                ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32])).tryDecrypt(stored));
        assertEquals(Optional.empty(), ContentCipher.withKey(Base64.getEncoder().encodeToString(otherKey)).tryDecrypt(stored));
    }

    @Test
    void createsTheKeyFileOnceAndKeepsUsingIt() throws Exception {
        byte[] stored = cipherWithKeyFile().encrypt("kept");
        Path keyFile = dataDir.resolve("content.key");
        assertTrue(Files.exists(keyFile));

        assertEquals("kept", cipherWithKeyFile().decrypt(stored), "a restart reads the same key");
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        cipherWithKeyFile();

        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dataDir.resolve("content.key")));
    }

    @Test
    void prefersAConfiguredKey() {
        ContentCipher cut = new ContentCipher();
        cut.configuredKey = Optional.of(Base64.getEncoder().encodeToString(new byte[32]));
        cut.dataDir = dataDir.toString();
        cut.loadKey();

        assertEquals("configured", cut.decrypt(cut.encrypt("configured")));
        assertFalse(Files.exists(dataDir.resolve("content.key")));
    }

    private ContentCipher cipherWithKeyFile() {
        ContentCipher cipher = new ContentCipher();
        cipher.configuredKey = Optional.empty();
        cipher.dataDir = dataDir.toString();
        cipher.loadKey();
        return cipher;
    }
}
