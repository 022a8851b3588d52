package org.emailsms.gateway.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits for something to become true by asking again until a deadline: no fixed sleeps. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Poll() {
    }

    public static void until(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(INTERVAL.toMillis());
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
    }
}
