package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.emailsms.gateway.account.boundary.LicenceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicencesTest {

    @Test
    void aVersionLineNamesTheVersion() {
        LicenceText licence = Licences.parse("Version: 3\r\nTerms\r\nmore terms\n");
        assertEquals("3", licence.version());
        assertEquals("Terms\nmore terms", licence.text());
    }

    @Test
    void withoutOneAnyEditIsANewVersion() {
        LicenceText first = Licences.parse("Terms");
        assertTrue(first.version().matches("[0-9a-f]{12}"), first.version());
        assertNotEquals(first.version(), Licences.parse("Terms.").version());
    }

    @Test
    void theShippedTextHasAVersion() {
        Licences cut = new Licences();
        cut.file = Optional.empty();
        assertEquals("2026-12", cut.current().version());
        assertTrue(cut.current().text().contains("By activating you accept these terms"));
    }

    @Test
    void aChangedFileIsReadAgain(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("licence.txt");
        Files.writeString(file, "Version: 1\nFirst terms");
        Licences cut = new Licences();
        cut.file = Optional.of(file.toString());
        assertEquals("1", cut.current().version());

        Files.writeString(file, "Version: 2\nSecond terms");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertEquals(new LicenceText("2", "Second terms"), cut.current());
    }

    @Test
    void aConfiguredFileNotThereYetIsTheShippedText(@TempDir Path directory) throws Exception {
        Licences cut = new Licences();
        cut.file = Optional.of(directory.resolve("licence.txt").toString());
        assertEquals("2026-12", cut.current().version());

        Files.writeString(directory.resolve("licence.txt"), "Version: 7\nOur own terms");

        assertEquals("7", cut.current().version());
    }
}
