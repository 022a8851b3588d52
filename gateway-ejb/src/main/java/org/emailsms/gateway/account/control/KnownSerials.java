package org.emailsms.gateway.account.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serials this node has checked recently: the keyed hash of a live serial and its user, kept for
 * {@code gateway.activation.cache-time} (10 seconds) so that an add-in sending many messages costs
 * one activation lookup per that time, not one per call. The user's account, department and company
 * are still checked on every call; only a revocation made on another node (the add-in signed out,
 * the password reset there) takes up to that long to take effect here. Zero turns it off.
 */
@ApplicationScoped
public class KnownSerials {

    /** Enough for every add-in of a large installation; beyond it the cache starts afresh. */
    private static final int MAX_ENTRIES = 100_000;

    private record Known(long userId, long checkedAtNanos) {
    }

    @Inject
    @ConfigProperty(name = "gateway.activation.cache-time", defaultValue = "PT10S")
    Duration cacheTime;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public KnownSerials() {
        this(Duration.ZERO);
    }

    /** Outside the container: tests. */
    public KnownSerials(Duration cacheTime) {
        this.cacheTime = cacheTime;
    }

    /** The user of a serial checked within the cache time, or null. */
    public Long userOf(String serialHash) {
        Known entry = known.get(serialHash);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.checkedAtNanos() > cacheTime.toNanos()) {
            known.remove(serialHash, entry);
            return null;
        }
        return entry.userId();
    }

    public void remember(String serialHash, long userId) {
        if (cacheTime.isZero() || cacheTime.isNegative()) {
            return;
        }
        if (known.size() >= MAX_ENTRIES) {
            known.clear();
        }
        known.put(serialHash, new Known(userId, System.nanoTime()));
    }

    /** A user's serials were revoked here: none of them works from now on, on this node at once. */
    public void forgetUser(long userId) {
        known.values().removeIf(entry -> entry.userId() == userId);
    }

    public void forget(String serialHash) {
        known.remove(serialHash);
    }
}
