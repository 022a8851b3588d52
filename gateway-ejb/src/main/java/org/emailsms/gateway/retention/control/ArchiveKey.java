package org.emailsms.gateway.retention.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * The operator's OpenPGP public key, which archives are encrypted to. Only the public half is ever
 * on the server, so the gateway cannot open its own archives: a stolen server opens none of them.
 *
 * <p>Rows are deleted once archived, so the archive must be readable by the operator: only a key
 * flagged for encryption is taken (never a signing key whose algorithm could also encrypt), and
 * none that is revoked or expired, nor one whose primary key is. With several such keys in the file
 * the operator names one by fingerprint ({@code gateway.archive.key-fingerprint}, the key's own or
 * its primary key's); otherwise the gateway refuses to archive rather than guess.
 */
public final class ArchiveKey {

    private static final int ENCRYPTION = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

    private final PGPPublicKey key;
    private final Instant expiresAt;
    private final Path file;

    private ArchiveKey(PGPPublicKey key, Instant expiresAt, Path file) {
        this.key = key;
        this.expiresAt = expiresAt;
        this.file = file;
    }

    /** As {@link #read(Path, Optional, Instant)} with no fingerprint named, now. */
    public static ArchiveKey read(Path file) {
        return read(file, Optional.empty(), Instant.now());
    }

    /**
     * Reads an armored ({@code gpg --export --armor}) or binary key file and chooses the key to
     * encrypt to; refuses (IllegalStateException, saying why) when there is none or more than one.
     */
    public static ArchiveKey read(Path file, Optional<String> fingerprint, Instant now) {
        List<ArchiveKey> usable = new ArrayList<>();
        List<String> primaries = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                PGPPublicKeyRing ring = r.next();
                PGPPublicKey primary = ring.getPublicKey();
                if (primary.hasRevocation() || !isLive(primary, now)) {
                    continue;
                }
                for (Iterator<PGPPublicKey> k = ring.getPublicKeys(); k.hasNext(); ) {
                    PGPPublicKey candidate = k.next();
                    if (candidate.isEncryptionKey() && !candidate.hasRevocation() && isLive(candidate, now)
                            && (flags(candidate) & ENCRYPTION) != 0) {
                        usable.add(new ArchiveKey(candidate, earlier(expiry(primary), expiry(candidate)), file));
                        primaries.add(hex(primary.getFingerprint()));
                    }
                }
            }
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("gateway.archive.public-key: cannot read an OpenPGP public key from "
                    + file + ": " + e.getMessage(), e);
        }
        if (fingerprint.isPresent() && !fingerprint.get().isBlank()) {
            String wanted = fingerprint.get().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            for (int i = 0; i < usable.size(); i++) {
                if (usable.get(i).fingerprint().equals(wanted) || primaries.get(i).equals(wanted)) {
                    return usable.get(i);
                }
            }
            throw new IllegalStateException("gateway.archive.key-fingerprint: " + file + " holds no key " + wanted
                    + " that is flagged for encryption, unrevoked and unexpired");
        }
        if (usable.isEmpty()) {
            throw new IllegalStateException("gateway.archive.public-key: " + file + " holds no key flagged for "
                    + "encryption that is unrevoked and unexpired");
        }
        if (usable.size() > 1) {
            throw new IllegalStateException("gateway.archive.public-key: " + file + " holds " + usable.size()
                    + " keys that could encrypt (" + String.join(", ", usable.stream().map(ArchiveKey::fingerprint).toList())
                    + "): name the one to use in gateway.archive.key-fingerprint");
        }
        return usable.get(0);
    }

    /** Whether the key may still be encrypted to at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** When the key expires, or null when it does not. */
    public Instant expiresAt() {
        return expiresAt;
    }

    PGPPublicKey publicKey() {
        return key;
    }

    /** As gpg shows it, for the log and the Operations page. */
    public String fingerprint() {
        return hex(key.getFingerprint());
    }

    public Path file() {
        return file;
    }

    /** The key stops when its primary key does, if that comes first. */
    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static boolean isLive(PGPPublicKey key, Instant now) {
        Instant expiry = expiry(key);
        return expiry == null || now.isBefore(expiry);
    }

    private static Instant expiry(PGPPublicKey key) {
        long valid = key.getValidSeconds();
        return valid <= 0 ? null : key.getCreationTime().toInstant().plusSeconds(valid);
    }

    /** The key flags of the newest self-signature (primary) or binding signature (subkey); 0 if none. */
    private static int flags(PGPPublicKey key) {
        int flags = 0;
        long newest = Long.MIN_VALUE;
        for (Iterator<PGPSignature> s = key.getSignatures(); s.hasNext(); ) {
            PGPSignature signature = s.next();
            boolean binding = key.isMasterKey()
                    ? signature.isCertification() || signature.getSignatureType() == PGPSignature.DIRECT_KEY
                    : signature.getSignatureType() == PGPSignature.SUBKEY_BINDING;
            if (binding && signature.getHashedSubPackets() != null
                    && signature.getCreationTime().getTime() > newest) {
                newest = signature.getCreationTime().getTime();
                flags = signature.getHashedSubPackets().getKeyFlags();
            }
        }
        return flags;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }
}
