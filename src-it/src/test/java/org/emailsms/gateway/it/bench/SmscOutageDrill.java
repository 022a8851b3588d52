package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.emailsms.gateway.it.client.message.MessageStatus;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.junit.jupiter.api.Test;

/**
 * The SMSC goes away during a run. A short outage (-Dbench.shortOutageSeconds, 60) within the
 * retry budget: messages go FAIL, are retried and delivered when it returns. A long one
 * (-Dbench.longOutageSeconds, 150) beyond the budget: messages end ABORT and each sender gets the
 * error email. The budget is 12 attempts 10 s apart, set for this drill.
 */
class SmscOutageDrill {

    @Test
    void messagesWaitThroughAShortOutageAndAreAbortedWithAnEmailAfterALongOne() throws Exception {
        int perPhase = setting("messages", 500);
        try (Rig rig = Rig.start("smsc-outage-drill", Map.of(
                "GATEWAY_RETRY_INTERVAL", "PT10S",
                "GATEWAY_RETRY_MAX_RETRIES", "11",
                "GATEWAY_RETRY_SWEEP_INTERVAL", "PT1S"))) {
            List<String> serials = rig.senders(2);

            rig.smsc.stop();
            List<Long> shortIds = send(rig, serials.get(0), perPhase, 15_000_000L);
            Poll.until("failed attempts while the SMSC is away", Duration.ofMinutes(2),
                    () -> Metrics.gauge(rig.client, "gateway_messages_failed_attempts") > 0);
            // Not waiting for anything: the outage lasts this long on purpose.
            TimeUnit.SECONDS.sleep(setting("shortOutageSeconds", 60));
            rig.smsc.resume();
            Poll.until("every message of the short outage delivered", Duration.ofMinutes(5),
                    () -> count(rig, serials.get(0), shortIds, "OK") == shortIds.size());
            rig.line("short outage: %d sent while the SMSC was away, %d failed attempts, all %d OK after it returned",
                    shortIds.size(), Metrics.gauge(rig.client, "gateway_messages_failed_attempts"), shortIds.size());

            rig.smsc.stop();
            List<Long> longIds = send(rig, serials.get(1), perPhase, 16_000_000L);
            Poll.until("every message of the long outage aborted", Duration.ofSeconds(setting("longOutageSeconds", 150)),
                    () -> count(rig, serials.get(1), longIds, "ABORT") == longIds.size());
            rig.smsc.resume();
            String sender = rig.client.account().getAccount(serials.get(1)).getEmail();
            Poll.until("an error email per aborted message", Duration.ofMinutes(3),
                    () -> Messages.emails(rig.mail(), sender, "SMS to").size() >= longIds.size());
            rig.line("long outage: %d sent, %d ABORT, %d error emails", longIds.size(),
                    count(rig, serials.get(1), longIds, "ABORT"), Messages.emails(rig.mail(), sender, "SMS to").size());
            assertEquals(longIds.size(), Messages.emails(rig.mail(), sender, "SMS to").size());
        }
    }

    private static List<Long> send(Rig rig, String serial, int count, long firstDestination) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(rig.client.messaging().sendMessage(serial, List.of("+614" + (firstDestination + i)),
                    "Sent during an outage", null).get(0).getMessageId());
        }
        return ids;
    }

    private static long count(Rig rig, String serial, List<Long> ids, String status) throws Exception {
        long matching = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            for (MessageStatus each : rig.client.messaging().getStatus(serial, ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                if (each.getStatus().equals(status)) {
                    matching++;
                }
            }
        }
        return matching;
    }
}
