package org.emailsms.gateway.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing of serial numbers: more than {@code gateway.activation.unknown-serial-limit}
 * unknown serials (100) from one client address within {@code gateway.activation.unknown-serial-window}
 * (10 minutes), and that address gets {@code AUTH_FAILED} without a database lookup until its window
 * ends. Counted per node, in memory: a guess costs the gateway nothing once refused here, and with
 * N nodes an address gets at most N times the limit, still far from the 10^16 serials to try.
 */
@ApplicationScoped
public class SerialGuessGuard {

    /** More addresses than this are tracked only after the expired ones are forgotten. */
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int unknown) {
    }

    @Inject
    @ConfigProperty(name = "gateway.activation.unknown-serial-limit", defaultValue = "100")
    int limit;

    @Inject
    @ConfigProperty(name = "gateway.activation.unknown-serial-window", defaultValue = "PT10M")
    Duration window;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** Outside the container: for tests. */
    public static SerialGuessGuard of(int limit, Duration window) {
        SerialGuessGuard guard = new SerialGuessGuard();
        guard.limit = limit;
        guard.window = window;
        return guard;
    }

    /** Whether the address is refused unchecked now; counts the refusal. */
    public boolean refuses(String clientIp, Instant now) {
        if (clientIp == null) {
            return false;
        }
        Window current = windows.get(clientIp);
        boolean blocked = current != null && isLive(current, now) && current.unknown() > limit;
        if (blocked) {
            refused.increment();
        }
        return blocked;
    }

    /** An unknown, revoked or expired serial came from this address. */
    public void recordUnknown(String clientIp, Instant now) {
        unknown.increment();
        if (clientIp == null) {
            return;
        }
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> !isLive(w, now));
        }
        windows.merge(clientIp, new Window(now, 1),
                (old, first) -> isLive(old, now) ? new Window(old.start(), old.unknown() + 1) : first);
    }

    /** Unknown serials seen since start, for /metrics. */
    public long unknownCount() {
        return unknown.sum();
    }

    /** Requests refused without a lookup since start, for /metrics. */
    public long refusedCount() {
        return refused.sum();
    }

    private boolean isLive(Window w, Instant now) {
        return w.start().plus(window).isAfter(now);
    }
}
