package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.emailsms.gateway.it.support.Poll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a run: the gateway is killed once half of -Dbench.messages (10,000) are
 * accepted, started again, and every accepted message must reach the SMSC. Counts duplicates (at
 * most the in-flight window) and losses (must be 0).
 */
class KillDrill {

    @Test
    void everyAcceptedMessageReachesTheSmscAfterAKill() throws Exception {
        int messages = setting("messages", 10_000);
        int clients = setting("clients", 16);
        try (Rig rig = Rig.start("kill-drill", Map.of())) {
            SoapLoad load = new SoapLoad(rig.client, rig.senders(clients), 13_000_000L, false, 1);
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<SoapLoad.Outcome> run = background.submit(() -> load.run(messages, 0));
            Poll.until("half the messages accepted", Duration.ofMinutes(10), () -> load.acceptedSoFar() >= messages / 2);
            rig.gateway.kill();
            long submittedAtKill = rig.smsc.acknowledgedCount();
            SoapLoad.Outcome outcome = run.get();
            background.shutdown();
            rig.line("killed with SIGKILL after %d accepted and %d submits acknowledged; %d requests failed while down",
                    outcome.accepted().size(), submittedAtKill, outcome.failed());

            rig.gateway.start("after-kill");
            List<String> accepted = outcome.accepted();
            try {
                Poll.until("every accepted message at the SMSC", Duration.ofMinutes(setting("deadlineMinutes", 10)),
                        () -> accepted.stream().allMatch(d -> rig.smsc.submitCount(d) > 0));
            } catch (AssertionError timedOut) {
                rig.line("not every accepted message arrived within the deadline");
            }
            long lost = accepted.stream().filter(d -> rig.smsc.submitCount(d) == 0).count();
            long duplicated = accepted.stream().filter(d -> rig.smsc.submitCount(d) > 1).count();
            rig.line("accepted %d, reached the SMSC %d, duplicates %d, losses %d", accepted.size(),
                    accepted.size() - lost, duplicated, lost);
            assertEquals(0, lost, "accepted messages lost");
        }
    }
}
