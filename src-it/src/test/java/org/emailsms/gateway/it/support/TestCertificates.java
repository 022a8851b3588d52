package org.emailsms.gateway.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates for servers under test, made with the JDK's keytool: each in a PKCS#12
 * key store of its own, and one trust store that trusts them all, as a carrier's CA would be trusted.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path directory;
    private final Path trustStore;

    public TestCertificates(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.trustStore = directory.resolve("trust.p12");
        Files.deleteIfExists(trustStore);
    }

    /**
     * A key store for a server that names itself {@code names} (subject alternative names such as
     * {@code dns:localhost,ip:127.0.0.1}); its certificate is added to the trust store.
     */
    public Path serverKeyStore(String alias, String names) throws IOException, InterruptedException {
        Path keyStore = directory.resolve(alias + ".p12");
        Path certificate = directory.resolve(alias + ".pem");
        Files.deleteIfExists(keyStore);
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + alias, "-ext", "SAN=" + names, "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return keyStore;
    }

    /** Trusts every certificate made here. */
    public Path trustStore() {
        return trustStore;
    }

    /** A server's TLS context presenting the certificate of {@code keyStore}. */
    public static SSLContext serverContext(Path keyStore) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray()), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
