package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandStatusesTest {

    @Test
    void refusalsThatCanNeverSucceedArePermanent() {
        assertTrue(CommandStatuses.isPermanent(0x0B), "invalid destination address");
        assertTrue(CommandStatuses.isPermanent(0x01), "invalid message length");
        assertTrue(CommandStatuses.isPermanent(0x65), "permanent application error");
    }

    @Test
    void loadAndOutagesAreTemporary() {
        assertFalse(CommandStatuses.isPermanent(0x58), "throttled");
        assertFalse(CommandStatuses.isPermanent(0x14), "queue full");
        assertFalse(CommandStatuses.isPermanent(0x08), "system error");
        assertFalse(CommandStatuses.isPermanent(0x64), "temporary application error");
    }

    @Test
    void unknownAndVendorCodesAreTemporary() {
        assertFalse(CommandStatuses.isPermanent(0x400));
        assertEquals("0x400 vendor-specific error", CommandStatuses.describe(0x400));
        assertEquals("0x0B ESME_RINVDSTADR invalid destination address", CommandStatuses.describe(0x0B));
    }
}
