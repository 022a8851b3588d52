package org.emailsms.gateway.retention.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

import jakarta.json.JsonObject;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * One archive file being written: JSON lines, compressed (ZLIB) and encrypted (AES-256 with an
 * integrity packet) to the operator's key, as an OpenPGP message that {@code gpg --decrypt} opens.
 * It is written under a {@code .part} name and becomes the archive file only in {@link #finish()},
 * once flushed, synced and read back byte for byte.
 */
public final class ArchiveFileWriter implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    private static final byte[] NEWLINE = {'\n'};

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final PGPEncryptedDataGenerator encryption;
    private final PGPCompressedDataGenerator compression;
    private final PGPLiteralDataGenerator literal;
    private final OutputStream buffered;
    private final OutputStream lines;
    private boolean finished;

    /** What was written, as the index keeps it. */
    public record Written(long bytes, String sha256) {
    }

    public ArchiveFileWriter(Path target, ArchiveKey key) {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            digest = MessageDigest.getInstance("SHA-256");
            buffered = new BufferedOutputStream(new DigestOutputStream(
                    Channels.newOutputStream(channel), digest), BUFFER);
            encryption = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
            encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key.publicKey()));
            OutputStream encrypted = encryption.open(buffered, new byte[BUFFER]);
            compression = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
            OutputStream compressed = compression.open(encrypted, new byte[BUFFER]);
            literal = new PGPLiteralDataGenerator();
            String inner = target.getFileName().toString().replace(".gpg", "");
            lines = literal.open(compressed, PGPLiteralData.UTF8, inner, new Date(), new byte[BUFFER]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive file " + partial, e);
        } catch (PGPException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encrypt the archive file " + partial, e);
        }
    }

    public void write(JsonObject record) {
        try {
            lines.write(record.toString().getBytes(StandardCharsets.UTF_8));
            lines.write(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive file " + partial, e);
        }
    }

    /** Closes every layer, syncs the file, reads it back, then gives it its name (atomically). */
    public Written finish() {
        try {
            lines.close();
            literal.close();
            compression.close();
            encryption.close();
            buffered.flush();
            channel.force(true);
            long bytes = channel.size();
            channel.close();
            String written = HexFormat.of().formatHex(digest.digest());
            String readBack = sha256(partial);
            if (!written.equals(readBack)) {
                throw new IOException("read back " + readBack + ", wrote " + written);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            finished = true;
            return new Written(bytes, written);
        } catch (IOException e) {
            throw new UncheckedIOException("the archive file " + target + " could not be completed", e);
        }
    }

    /** Without {@link #finish()}: the partial file is removed. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the partial archive file " + partial, e);
        }
    }

    /** A file a run left behind when it stopped, for the next run to remove. */
    public static void discard(Path target) {
        try {
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".part"));
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished archive file " + target, e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** So that the new name itself survives a power cut. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
