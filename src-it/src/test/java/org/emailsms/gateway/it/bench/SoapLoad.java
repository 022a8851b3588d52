package org.emailsms.gateway.it.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.emailsms.gateway.it.client.message.GatewayFault;
import org.emailsms.gateway.it.client.message.Messaging;
import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.support.GatewayClient;

/**
 * Drives {@code sendMessage} from this JVM: each client thread creates its SOAP port once and sends
 * one SMS per call to a destination of its own, as fast as it can or at a fixed total rate.
 */
final class SoapLoad {

    /** What a run achieved: the destinations whose message was accepted, with call latencies. */
    record Outcome(List<String> accepted, Latencies latencies, int failed, double seconds) {

        double acceptRate() {
            return accepted.size() / seconds;
        }
    }

    private final GatewayClient gateway;
    private final List<String> serials;
    private final AtomicLong nextDestination;
    private final AtomicInteger acceptedSoFar = new AtomicInteger();
    /** Each client's last accepted message, for the status queries. */
    private final AtomicLongArray lastMessageOf;

    SoapLoad(GatewayClient gateway, List<String> serials, long firstDestination) {
        this.gateway = gateway;
        this.serials = serials;
        this.nextDestination = new AtomicLong(firstDestination);
        this.lastMessageOf = new AtomicLongArray(serials.size());
    }

    /** Messages accepted by all runs so far, while they run. */
    int acceptedSoFar() {
        return acceptedSoFar.get();
    }

    /** {@code messages} in all over {@code serials.size()} clients; {@code perSecond} 0 means flat out. */
    Outcome run(int messages, double perSecond) throws Exception {
        return drive(messages, perSecond, (port, client, i) -> {
            String destination = "+614" + nextDestination.getAndIncrement();
            RecipientResult result = port.sendMessage(serials.get(client), List.of(destination), "Benchmark " + i, null)
                    .get(0);
            if (result.getMessageId() == null) {
                return null;
            }
            lastMessageOf.set(client, result.getMessageId());
            acceptedSoFar.incrementAndGet();
            return destination;
        });
    }

    /**
     * {@code calls} status queries flat out, each client asking for the last message it sent: the
     * same SOAP stack, authentication and database reads as {@code sendMessage}, but nothing
     * written. The rate of a call that stores nothing bounds what any SOAP call reaches here.
     */
    Outcome statusQueries(int calls) throws Exception {
        return drive(calls, 0, (port, client, i) -> {
            long id = lastMessageOf.get(client);
            return port.getStatus(serials.get(client), List.of(id)).isEmpty() ? null : Long.toString(id);
        });
    }

    /** One SOAP call of a run: what it achieved (null when refused), or the gateway's fault. */
    @FunctionalInterface
    private interface Call {
        String make(Messaging port, int client, int index) throws GatewayFault;
    }

    private Outcome drive(int calls, double perSecond, Call call) throws Exception {
        int clients = serials.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                Messaging port = gateway.newMessagingPort();
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    if (interval > 0) {
                        // Constant-rate mode: call i is due at start + i * interval, whoever makes it.
                        long due = start + i * interval;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    long sent = System.nanoTime();
                    String outcome;
                    try {
                        outcome = call.make(port, client, i);
                    } catch (RuntimeException | GatewayFault e) {
                        outcome = null;
                    }
                    latencies[i] = System.nanoTime() - sent;
                    if (outcome != null) {
                        accepted.add(outcome);
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Outcome(List.copyOf(accepted), new Latencies(latencies), failed.get(), seconds);
    }
}
