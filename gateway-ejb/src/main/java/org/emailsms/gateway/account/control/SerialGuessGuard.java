package org.emailsms.gateway.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.platform.control.ClientAddresses;

/**
 * Slows down guessing of serial numbers: more than {@code gateway.activation.unknown-serial-limit}
 * unknown serials (100) from one client address within {@code gateway.activation.unknown-serial-window}
 * (10 minutes), and that address gets {@code AUTH_FAILED} without a database lookup until its window
 * ends. Counted per node, in memory: a guess costs the gateway nothing once refused here, and with
 * N nodes an address gets at most N times the limit, still far from the 10^16 serials to try. An
 * IPv6 client counts by its /64 ({@link ClientAddresses}), and the memory stays bounded however many
 * addresses call: past {@code MAX_TRACKED} the windows that ended are forgotten, then the oldest.
 */
@ApplicationScoped
public class SerialGuessGuard {

    /** More addresses than this are tracked only after the expired ones, then the oldest, are forgotten. */
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int unknown) {
    }

    @Inject
    @ConfigProperty(name = "gateway.activation.unknown-serial-limit", defaultValue = "100")
    int limit;

    @Inject
    @ConfigProperty(name = "gateway.activation.unknown-serial-window", defaultValue = "PT10M")
    Duration window;

    private int maxTracked = MAX_TRACKED;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** Outside the container: for tests. */
    public static SerialGuessGuard of(int limit, Duration window) {
        return of(limit, window, MAX_TRACKED);
    }

    /** Outside the container, tracking at most {@code maxTracked} addresses: for tests. */
    public static SerialGuessGuard of(int limit, Duration window, int maxTracked) {
        SerialGuessGuard guard = new SerialGuessGuard();
        guard.limit = limit;
        guard.window = window;
        guard.maxTracked = maxTracked;
        return guard;
    }

    /** Whether the address is refused unchecked now; counts the refusal. */
    public boolean refuses(String clientIp, Instant now) {
        if (clientIp == null) {
            return false;
        }
        Window current = windows.get(ClientAddresses.countingUnit(clientIp));
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
        if (windows.size() >= maxTracked) {
            forgetSome(now);
        }
        windows.merge(ClientAddresses.countingUnit(clientIp), new Window(now, 1),
                (old, first) -> isLive(old, now) ? new Window(old.start(), old.unknown() + 1) : first);
    }

    /** How many addresses are tracked now. */
    public int trackedCount() {
        return windows.size();
    }

    /** Ended windows first; if that is not enough, the oldest tenth too, so this runs seldom. */
    private synchronized void forgetSome(Instant now) {
        if (windows.size() < maxTracked) {
            return;
        }
        windows.values().removeIf(w -> !isLive(w, now));
        int excess = windows.size() - maxTracked * 9 / 10;
        if (excess > 0) {
            windows.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(Window::start)))
                    .limit(excess).map(Map.Entry::getKey).toList().forEach(windows::remove);
        }
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
