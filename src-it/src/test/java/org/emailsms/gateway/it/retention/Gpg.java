package org.emailsms.gateway.it.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operator's side of the archive, with Debian's GnuPG and nothing of ours: a key pair in a home
 * directory of its own, the public key exported for the gateway, archive files decrypted with the
 * private key.
 */
final class Gpg implements AutoCloseable {

    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    /** Under /tmp: the agent's socket path must stay short. */
    static Gpg withNewKey(String userId) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "gpg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Gpg gpg = new Gpg(home);
        gpg.run("--passphrase", "", "--pinentry-mode", "loopback", "--quick-gen-key", userId, "default", "default", "never");
        return gpg;
    }

    /** As an operator hands it over: {@code gpg --export --armor}. */
    void exportPublicKey(Path file) throws IOException, InterruptedException {
        run("--armor", "--output", file.toString(), "--export");
    }

    String decrypt(Path file) throws IOException, InterruptedException {
        return new String(run("--pinentry-mode", "loopback", "--passphrase", "", "--decrypt", file.toString()),
                StandardCharsets.UTF_8);
    }

    private byte[] run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("gpg did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("gpg failed (" + process.exitValue() + "): " + command + "\n" + Files.readString(err));
        }
        byte[] result = Files.readAllBytes(out);
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Stops the agent gpg started for this home, and removes the keys. */
    @Override
    public void close() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        kill.waitFor(30, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
