package org.emailsms.gateway.retention.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/** The operator's side, for tests: an OpenPGP key pair, and opening an archive file with the private key. */
final class ArchiveKeys {

    private final PGPSecretKeyRing secret;
    private final Path publicKeyFile;

    private ArchiveKeys(PGPSecretKeyRing secret, Path publicKeyFile) {
        this.secret = secret;
        this.publicKeyFile = publicKeyFile;
    }

    /** An RSA key as gpg makes it: a signing primary key and an encryption subkey; the public part armored. */
    static ArchiveKeys generate(Path directory) throws Exception {
        return generate(directory, "operator.asc", false, new Date(), 0);
    }

    /**
     * A key whose primary signs and certifies, with a signing subkey (an RSA key, so its algorithm
     * could encrypt too) before the encryption subkey when {@code signingSubkeyFirst}; created at
     * {@code created} and valid for {@code validSeconds} (0: for ever).
     */
    static ArchiveKeys generate(Path directory, String fileName, boolean signingSubkeyFirst, Date created,
                                long validSeconds) throws Exception {
        PGPKeyPair primary = rsa(created);
        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        if (validSeconds > 0) {
            primaryFlags.setKeyExpirationTime(false, validSeconds);
        }
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary,
                "Archive test <archive@example.test>", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                primaryFlags.generate(), null,
                new BcPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
        if (signingSubkeyFirst) {
            PGPSignatureSubpacketGenerator signing = new PGPSignatureSubpacketGenerator();
            signing.setKeyFlags(false, KeyFlags.SIGN_DATA);
            rings.addSubKey(rsa(created), signing.generate(), null);
        }
        PGPSignatureSubpacketGenerator encryption = new PGPSignatureSubpacketGenerator();
        encryption.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        rings.addSubKey(rsa(created), encryption.generate(), null);
        Path file = directory.resolve(fileName);
        writeArmored(file, rings.generatePublicKeyRing());
        return new ArchiveKeys(rings.generateSecretKeyRing(), file);
    }

    /** Several public keys in one armored file, as {@code gpg --export --armor} writes more than one. */
    static void writeArmored(Path file, PGPPublicKeyRing... publicRings) throws IOException {
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
            for (PGPPublicKeyRing ring : publicRings) {
                ring.encode(out);
            }
        }
    }

    PGPPublicKeyRing publicRing() throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(publicKeyFile))) {
            return new PGPPublicKeyRing(in, new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
        }
    }

    private static PGPKeyPair rsa(Date created) throws PGPException {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
        return new BcPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), created);
    }

    /** The fingerprint of the public key that encrypts, as gpg shows it. */
    String encryptionFingerprint() {
        PGPPublicKey last = null;
        for (var keys = secret.getPublicKeys(); keys.hasNext(); ) {
            last = keys.next();
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : last.getFingerprint()) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The JSON lines inside an archive file, integrity checked. */
    String open(Path archive) throws Exception {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(archive))) {
            Object first = new BcPGPObjectFactory(in).nextObject();
            PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) ((PGPEncryptedDataList) first).get(0);
            var privateKey = secret.getSecretKey(data.getKeyIdentifier().getKeyId()).extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
            InputStream clear = data.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
            PGPCompressedData compressed = (PGPCompressedData) new BcPGPObjectFactory(clear).nextObject();
            PGPLiteralData literal = (PGPLiteralData) new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            String text = new String(readAll(literal.getInputStream()), java.nio.charset.StandardCharsets.UTF_8);
            if (!data.verify()) {
                throw new IOException("integrity check failed: " + archive);
            }
            return text;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
