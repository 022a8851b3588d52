package org.emailsms.gateway.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SmscMessageIdsTest {

    @Test
    void keysIgnoreLeadingZerosAndCase() {
        assertEquals("a1f", SmscMessageIds.key("000A1F"));
        assertEquals("0", SmscMessageIds.key("0000"));
    }

    @Test
    void aDecimalReceiptFindsAHexAcknowledgementAndTheOtherWayRound() {
        assertTrue(SmscMessageIds.candidateKeys("2591").contains(SmscMessageIds.key("0A1F")));
        assertTrue(SmscMessageIds.candidateKeys("a1f").contains(SmscMessageIds.key("2591")));
        assertTrue(SmscMessageIds.candidateKeys("00012345").contains(SmscMessageIds.key("12345")));
    }

    @Test
    void nonsenseFindsNothingElse() {
        assertEquals(Set.of("msg-7"), SmscMessageIds.candidateKeys("msg-7"));
        assertTrue(SmscMessageIds.candidateKeys("").isEmpty());
        assertTrue(SmscMessageIds.candidateKeys(null).isEmpty());
    }

    @Test
    void anotherCarriersIdsAreKeptApartFromTheDefaultCarriers() {
        assertEquals("a1f", SmscMessageIds.key("default", "000A1F"));
        assertEquals("nz/a1f", SmscMessageIds.key("nz", "000A1F"));
        assertTrue(SmscMessageIds.candidateKeys("nz", "2591").contains(SmscMessageIds.key("nz", "0A1F")));
        assertTrue(!SmscMessageIds.candidateKeys("nz", "2591").contains(SmscMessageIds.key("default", "0A1F")));
        assertTrue(!SmscMessageIds.candidateKeys("default", "2591").contains(SmscMessageIds.key("nz", "0A1F")));
    }
}
