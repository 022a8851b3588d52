package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Every minute, resumes bulk uploads that no node is working on (their node went away, or the
 * gateway was stopped, mid-upload), and forgets uploads that ended 30 days ago. Uploads are resumed
 * under a lease, so on several nodes exactly one takes each.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class UserImportSweep {

    private static final Logger LOG = Logger.getLogger(UserImportSweep.class.getName());
    private static final Duration EVERY = Duration.ofMinutes(1);
    static final Duration KEPT = Duration.ofDays(30);

    @Resource
    TimerService timers;

    @EJB
    UserImports imports;

    @PostConstruct
    void arm() {
        timers.createIntervalTimer(EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("user-import-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        for (Long id : imports.stalled()) {
            LOG.info(() -> "Resuming the bulk upload " + id + ", which no node was working on");
            imports.run(id);
        }
        imports.forget(OffsetDateTime.now(ZoneOffset.UTC).minus(KEPT), 100);
    }
}
