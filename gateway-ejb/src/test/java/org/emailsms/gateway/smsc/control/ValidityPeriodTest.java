package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

    @Test
    void writesSmppRelativeTime() {
        assertEquals("000002000000000R", ValidityPeriod.relative(Duration.ofDays(2)));
        assertEquals("000000013005000R", ValidityPeriod.relative(Duration.ofHours(1).plusMinutes(30).plusSeconds(5)));
        assertEquals("010100000000000R", ValidityPeriod.relative(Duration.ofDays(395)));
        assertThrows(IllegalArgumentException.class, () -> ValidityPeriod.relative(Duration.ZERO));
    }
}
