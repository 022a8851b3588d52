package org.emailsms.gateway.account.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.boundary.LicenceText;

/**
 * The end-user licence clients show at activation: the file {@code gateway.licence.file} if set,
 * else the text this gateway ships with. Its version is the first line when that reads
 * {@code Version: ...}, otherwise the first 12 hex digits of the text's SHA-256, so any edit is a
 * new version. The file is read again whenever it changes: a new version needs no restart, and the
 * next activation asks again. While a configured file does not exist (yet), the shipped text is
 * served, with a warning.
 */
@ApplicationScoped
public class Licences {

    private static final Logger LOG = Logger.getLogger(Licences.class.getName());
    private static final String VERSION_LINE = "Version:";
    private static final String DEFAULT_TEXT = "default-licence.txt";

    @Inject
    @ConfigProperty(name = "gateway.licence.file")
    Optional<String> file;

    private volatile Loaded loaded;

    private record Loaded(FileTime modified, LicenceText licence) {
    }

    public LicenceText current() {
        if (file.isEmpty() || file.get().isBlank()) {
            return shipped();
        }
        Path path = Path.of(file.get());
        if (!Files.exists(path)) {
            if (loaded == null || loaded.modified() != null) {
                LOG.warning(() -> "The licence file " + path + " (gateway.licence.file) does not exist: clients are shown the shipped licence");
            }
            return shipped();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            Loaded known = loaded;
            if (known == null || !modified.equals(known.modified())) {
                known = new Loaded(modified, parse(Files.readString(path, StandardCharsets.UTF_8)));
                loaded = known;
                String version = known.licence().version();
                LOG.info(() -> "The licence in " + path + " is version " + version);
            }
            return known.licence();
        } catch (IOException e) {
            throw new UncheckedIOException("The licence file " + path + " (gateway.licence.file) cannot be read", e);
        }
    }

    private LicenceText shipped() {
        Loaded shipped = loaded;
        if (shipped == null || shipped.modified() != null) {
            shipped = new Loaded(null, parse(shippedText()));
            loaded = shipped;
        }
        return shipped.licence();
    }

    static LicenceText parse(String content) {
        String text = content.replace("\r\n", "\n").strip();
        int lineEnd = text.indexOf('\n');
        String first = lineEnd < 0 ? text : text.substring(0, lineEnd);
        if (first.regionMatches(true, 0, VERSION_LINE, 0, VERSION_LINE.length())
                && !first.substring(VERSION_LINE.length()).isBlank()) {
            String version = first.substring(VERSION_LINE.length()).strip();
            return new LicenceText(version.substring(0, Math.min(version.length(), 64)),
                    lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip());
        }
        return new LicenceText(sha256(text).substring(0, 12), text);
    }

    private static String shippedText() {
        try (InputStream in = Licences.class.getResourceAsStream(DEFAULT_TEXT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
