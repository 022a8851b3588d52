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
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
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

    /** An RSA key pair; the public key written armored, as {@code gpg --export --armor} writes it. */
    static ArchiveKeys generate(Path directory) throws Exception {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
        PGPKeyPair pair = new BcPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                "Archive test <archive@example.test>", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                null, null, new BcPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
        Path file = directory.resolve("operator.asc");
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
            rings.generatePublicKeyRing().encode(out);
        }
        return new ArchiveKeys(rings.generateSecretKeyRing(), file);
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
