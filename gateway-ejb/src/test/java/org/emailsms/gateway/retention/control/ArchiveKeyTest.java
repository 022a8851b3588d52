package org.emailsms.gateway.retention.control;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which key of the operator's file archives are encrypted to, and when the gateway refuses to archive. */
class ArchiveKeyTest {

    @TempDir
    Path dir;

    @Test
    void aSigningSubkeyBeforeTheEncryptionSubkeyIsPassedOver() throws Exception {
        ArchiveKeys operator = ArchiveKeys.generate(dir, "signing-first.asc", true, new Date(), 0);

        ArchiveKey cut = ArchiveKey.read(operator.publicKeyFile(), Optional.empty(), Instant.now());

        assertEquals(operator.encryptionFingerprint(), cut.fingerprint());
    }

    @Test
    void anExpiredKeyIsRefusedAndOneThatExpiresLaterStopsBeingUsable() throws Exception {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        ArchiveKeys expired = ArchiveKeys.generate(dir, "expired.asc", false, Date.from(tenDaysAgo),
                Duration.ofDays(1).toSeconds());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ArchiveKey.read(expired.publicKeyFile(), Optional.empty(), Instant.now()));
        assertTrue(refused.getMessage().contains("unexpired"), refused.getMessage());

        ArchiveKeys expiring = ArchiveKeys.generate(dir, "expiring.asc", false, new Date(), Duration.ofDays(30).toSeconds());
        ArchiveKey usable = ArchiveKey.read(expiring.publicKeyFile(), Optional.empty(), Instant.now());
        assertTrue(usable.isUsableAt(Instant.now()));
        assertFalse(usable.isUsableAt(Instant.now().plus(Duration.ofDays(31))), "checked again at each run");
    }

    @Test
    void severalKeysNeedTheOperatorToNameOne() throws Exception {
        ArchiveKeys first = ArchiveKeys.generate(dir, "first.asc", false, new Date(), 0);
        ArchiveKeys second = ArchiveKeys.generate(dir, "second.asc", false, new Date(), 0);
        Path both = dir.resolve("both.asc");
        ArchiveKeys.writeArmored(both, first.publicRing(), second.publicRing());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ArchiveKey.read(both, Optional.empty(), Instant.now()));
        assertTrue(refused.getMessage().contains("gateway.archive.key-fingerprint"), refused.getMessage());

        String wanted = second.encryptionFingerprint();
        assertEquals(wanted, ArchiveKey.read(both, Optional.of(wanted.toLowerCase()), Instant.now()).fingerprint());
        assertThrows(IllegalStateException.class,
                () -> ArchiveKey.read(both, Optional.of("0123456789ABCDEF0123456789ABCDEF01234567"), Instant.now()));
    }
}
