package org.emailsms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFilesTest {

    @Test
    void theSerialIsStoredEncryptedAndItsKeyElsewhere(@TempDir Path home) throws Exception {
        ClientFiles cut = ClientFiles.of(Map.of("HOME", home.toString()));
        Properties settings = new Properties();
        settings.setProperty("serial", cut.encrypt("1234567890123456"));
        cut.save(settings);

        Path config = home.resolve(".config/emailsms/client.properties");
        Path key = home.resolve(".local/share/emailsms/secret.key");
        assertFalse(Files.readString(config).contains("1234567890123456"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("1234567890123456", cut.decrypt(cut.load().getProperty("serial")));
    }

    @Test
    void theSettingsCopiedAloneDecryptNothing(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        ClientFiles mine = ClientFiles.of(Map.of("HOME", home.toString()));
        String stored = mine.encrypt("1234567890123456");

        ClientFiles copy = new ClientFiles(elsewhere.resolve("config"), elsewhere.resolve("data"));

        assertNull(copy.decrypt(stored), "without the key");
        copy.encrypt("another secret"); // makes a key of its own there
        assertNull(copy.decrypt(stored), "with another key");
    }

    @Test
    void theEnvironmentNamesTheDirectories(@TempDir Path base) {
        ClientFiles xdg = ClientFiles.of(Map.of("HOME", "/nowhere", "XDG_CONFIG_HOME", base.resolve("c").toString(),
                "XDG_DATA_HOME", base.resolve("d").toString()));
        assertEquals(base.resolve("c/emailsms"), xdg.configDirectory());
        assertEquals(base.resolve("d/emailsms"), xdg.keyDirectory());
        ClientFiles own = ClientFiles.of(Map.of("EMAILSMS_CONFIG_HOME", base.resolve("x").toString(),
                "EMAILSMS_DATA_HOME", base.resolve("y").toString()));
        assertTrue(own.configDirectory().endsWith("x") && own.keyDirectory().endsWith("y"));
    }
}
