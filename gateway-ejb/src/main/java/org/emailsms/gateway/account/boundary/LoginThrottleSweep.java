package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.control.LockoutPolicy;
import org.emailsms.gateway.account.control.LoginThrottle;

/**
 * Forgets, every 10 minutes, the failed sign-ins of unknown usernames and client addresses whose
 * window and block are over, so guessing at many names does not grow the table for ever. On
 * several nodes each does it; deleting what is already gone is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class LoginThrottleSweep {

    private static final Logger LOG = Logger.getLogger(LoginThrottleSweep.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(10);

    @Resource
    TimerService timers;

    @Inject
    LoginThrottle throttle;

    @Inject
    LockoutPolicy lockout;

    @PostConstruct
    void arm() {
        timers.createIntervalTimer(EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("login-throttle-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Duration longest = lockout.window().compareTo(lockout.clientLimit().window()) > 0
                ? lockout.window() : lockout.clientLimit().window();
        int forgotten = throttle.forgetExpired(Instant.now().minus(longest));
        if (forgotten > 0) {
            LOG.fine(() -> forgotten + " expired sign-in throttles forgotten");
        }
    }
}
