package org.emailsms.gateway.it.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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

    SoapLoad(GatewayClient gateway, List<String> serials, long firstDestination) {
        this.gateway = gateway;
        this.serials = serials;
        this.nextDestination = new AtomicLong(firstDestination);
    }

    /** Messages accepted by all runs so far, while they run. */
    int acceptedSoFar() {
        return acceptedSoFar.get();
    }

    /** {@code messages} in all over {@code serials.size()} clients; {@code perSecond} 0 means flat out. */
    Outcome run(int messages, double perSecond) throws Exception {
        int clients = serials.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long[] latencies = new long[messages];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String serial = serials.get(c);
            running.add(pool.submit(() -> {
                Messaging port = gateway.newMessagingPort();
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    if (interval > 0) {
                        // Constant-rate mode: message i is due at start + i * interval, whoever sends it.
                        long due = start + i * interval;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    String destination = "+614" + nextDestination.getAndIncrement();
                    long sent = System.nanoTime();
                    try {
                        RecipientResult result = port.sendMessage(serial, List.of(destination), "Benchmark " + i, null).get(0);
                        latencies[i] = System.nanoTime() - sent;
                        if (result.getMessageId() != null) {
                            accepted.add(destination);
                            acceptedSoFar.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException | org.emailsms.gateway.it.client.message.GatewayFault e) {
                        latencies[i] = System.nanoTime() - sent;
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
