package org.emailsms.gateway.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The gateway's secret keys: from configuration (base64) or, on a single node, a file in the data
 * directory created at first start. A new file is readable by its owner only from its first byte
 * (created with mode 0600, never widened and then narrowed). Nodes sharing a database must share
 * the keys: set them by configuration there, or copy the files.
 */
public final class KeyFiles {

    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** The configured key if set, else the file's, creating the file with a new random key. */
    public static byte[] load(Optional<String> configured, Path file, int bytes, String purpose) {
        return configured.filter(k -> !k.isBlank())
                .map(k -> decode(k, bytes, purpose))
                .orElseGet(() -> loadOrCreate(file, bytes, purpose));
    }

    static byte[] loadOrCreate(Path file, int bytes, String purpose) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[bytes];
                RANDOM.nextBytes(key);
                try {
                    writeNewOwnerOnly(file, Base64.getEncoder().encodeToString(key));
                    LOG.warning(() -> "Created the " + purpose + " " + file + ": back it up; without it "
                            + "what it protects cannot be read or checked");
                } catch (FileAlreadyExistsException raced) {
                    LOG.fine(() -> "another start created " + file + " first");
                }
            }
            return decode(Files.readString(file), bytes, purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + purpose + " " + file, e);
        }
    }

    /**
     * Creates {@code file} readable by its owner only from its first byte and writes {@code content};
     * fails with {@link FileAlreadyExistsException} if it exists.
     */
    public static void writeNewOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(createOwnerOnly(file), content);
    }

    private static Path createOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(ownerOnly);
        try {
            return Files.createFile(file, mode);
        } catch (UnsupportedOperationException notPosix) {
            LOG.fine("file system without POSIX permissions: the key file keeps the default permissions");
            return Files.createFile(file);
        }
    }

    private static byte[] decode(String encoded, int bytes, String purpose) {
        byte[] key = Base64.getDecoder().decode(encoded.strip());
        if (key.length != bytes) {
            throw new IllegalArgumentException("the " + purpose + " must be " + bytes + " bytes, base64-encoded");
        }
        return key;
    }
}
