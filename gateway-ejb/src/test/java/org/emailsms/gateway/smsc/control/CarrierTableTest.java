package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An added carrier's row: its binds as the connector opens them, its passwords encrypted, kept unless replaced. */
class CarrierTableTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aCarrierIsOpenedAsStoredAndItsPasswordKeptUntilReplaced() {
        inTable(table -> {
            table.save(row("nz", "pw1", "changeit"));
            return null;
        });

        CarrierSettings nz = inTable(CarrierTable::read).get(0);
        assertEquals(List.of(new BindSettings("nz-1", "smpp.nz.example", 3550, "acme-nz", "pw1", "", 10, 50),
                new BindSettings("nz-2", "smpp.nz.example", 3550, "acme-nz", "pw1", "", 10, 50)), nz.binds());
        assertEquals(Optional.of(Duration.ofDays(2)), nz.validityPeriod());
        assertEquals(new CarrierSettings.Tls(true, Optional.of(Path.of("/etc/nz.p12")), "changeit"), nz.tls());
        CarrierTable.Row listed = inTable(CarrierTable::list).get(0);
        assertEquals("set", listed.password(), "the list says a password is set, never which");
        byte[] sealed = database.inTransaction((EntityManager em) -> (byte[]) em.createNativeQuery(
                "SELECT password_sealed FROM carrier WHERE name = 'nz'").getSingleResult());
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("pw1"), "stored encrypted");

        inTable(table -> {
            table.save(row("nz", null, null));
            return null;
        });
        assertEquals("pw1", inTable(CarrierTable::read).get(0).binds().get(0).password(), "a change without one keeps it");

        inTable(table -> {
            table.save(row("nz", "", null));
            return null;
        });
        assertNull(inTable(CarrierTable::list).get(0).password(), "an empty one removes it");
        boolean deleted = inTable(table -> table.delete("nz"));
        assertTrue(deleted);
        assertEquals(List.of(), inTable(CarrierTable::read));
    }

    private static CarrierTable.Row row(String name, String password, String trustStorePassword) {
        return new CarrierTable.Row(name, "smpp.nz.example", 3550, "acme-nz", password, "", 2, 10, 50, 1, 1,
                Duration.ofDays(2), true, true, "/etc/nz.p12", trustStorePassword);
    }

    private <T> T inTable(Function<CarrierTable, T> work) {
        return database.inTransaction((EntityManager em) -> {
            CarrierTable table = new CarrierTable();
            table.em = em;
            table.cipher = CIPHER;
            return work.apply(table);
        });
    }
}
