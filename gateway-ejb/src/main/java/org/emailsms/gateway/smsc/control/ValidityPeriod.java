package org.emailsms.gateway.smsc.control;

import java.time.Duration;

/**
 * The submit_sm validity_period in SMPP 3.4's relative form {@code YYMMDDhhmmss000R}: how long the
 * SMSC keeps trying to reach the handset before it gives the message up (an EXPIRED receipt). Years
 * count 365 days and months 30; seconds below one are dropped.
 */
final class ValidityPeriod {

    private ValidityPeriod() {
    }

    static String relative(Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("gateway.smsc.validity-period must be positive: " + period);
        }
        long seconds = period.getSeconds();
        long days = seconds / 86_400;
        long years = days / 365;
        long months = days % 365 / 30;
        if (years > 99) {
            throw new IllegalArgumentException("gateway.smsc.validity-period must be under 100 years: " + period);
        }
        return String.format("%02d%02d%02d%02d%02d%02d000R", years, months, days % 365 % 30,
                seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60);
    }
}
