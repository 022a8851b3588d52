package org.emailsms.gateway.retention.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * The operator's OpenPGP public key, which archives are encrypted to. Only the public half is ever
 * on the server, so the gateway cannot open its own archives: a stolen server opens none of them.
 */
public final class ArchiveKey {

    private final PGPPublicKey key;
    private final Path file;

    private ArchiveKey(PGPPublicKey key, Path file) {
        this.key = key;
        this.file = file;
    }

    /** Reads an armored ({@code gpg --export --armor}) or binary key file; the first key able to encrypt. */
    public static ArchiveKey read(Path file) {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                // Subkeys first: gpg's usual key has a signing primary and an encryption subkey.
                PGPPublicKey primaryAble = null;
                for (Iterator<PGPPublicKey> k = r.next().getPublicKeys(); k.hasNext(); ) {
                    PGPPublicKey candidate = k.next();
                    if (candidate.isEncryptionKey() && !candidate.hasRevocation()) {
                        if (!candidate.isMasterKey()) {
                            return new ArchiveKey(candidate, file);
                        }
                        primaryAble = candidate;
                    }
                }
                if (primaryAble != null) {
                    return new ArchiveKey(primaryAble, file);
                }
            }
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("gateway.archive.public-key: cannot read an OpenPGP public key from "
                    + file + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("gateway.archive.public-key: " + file + " holds no OpenPGP key that can encrypt");
    }

    PGPPublicKey publicKey() {
        return key;
    }

    /** As gpg shows it, for the log and the Operations page. */
    public String fingerprint() {
        StringBuilder hex = new StringBuilder();
        for (byte b : key.getFingerprint()) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    public Path file() {
        return file;
    }
}
