package org.emailsms.gateway.it.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emailsms.gateway.it.client.message.GatewayFault;
import org.emailsms.gateway.it.client.message.Messaging;
import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.support.GatewayClient;

/**
 * Drives {@code sendMessage} from this JVM: each client thread sends {@code recipients} SMS per call,
 * each to a destination of its own, as fast as it can or at a fixed total rate. Either through
 * Metro's SOAP client (a port per thread), or raw: a prebuilt request body POSTed over a keep-alive
 * HTTP connection per thread, no SOAP library, as {@code ab} or {@code wrk} would load a gateway
 * (the way operators compare gateways, and without the client's own CPU cost on this machine).
 */
final class SoapLoad {

    /** What a run achieved: the destinations whose message was accepted, with call latencies. */
    record Outcome(List<String> accepted, Latencies latencies, int failed, double seconds) {

        double acceptRate() {
            return accepted.size() / seconds;
        }
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<(?:\\w+:)?messageId>(\\d+)</(?:\\w+:)?messageId>");

    private final GatewayClient gateway;
    private final List<String> serials;
    private final boolean raw;
    private final int recipients;
    private final AtomicLong nextDestination;
    private final AtomicInteger acceptedSoFar = new AtomicInteger();
    private final AtomicBoolean unexpectedAnswerShown = new AtomicBoolean();
    /** Each client's last accepted message, for the status queries. */
    private final AtomicLongArray lastMessageOf;

    SoapLoad(GatewayClient gateway, List<String> serials, long firstDestination, boolean raw, int recipients) {
        this.gateway = gateway;
        this.serials = serials;
        this.raw = raw;
        this.recipients = recipients;
        this.nextDestination = new AtomicLong(firstDestination);
        this.lastMessageOf = new AtomicLongArray(serials.size());
    }

    /** Messages accepted by all runs so far, while they run. */
    int acceptedSoFar() {
        return acceptedSoFar.get();
    }

    /**
     * {@code messages} in all over {@code serials.size()} clients ({@code recipients} a call);
     * {@code perSecond} 0 means flat out, else messages per second.
     */
    Outcome run(int messages, double perSecond) throws Exception {
        return drive(Math.max(1, messages / recipients), perSecond / recipients, (client, call, i) -> {
            List<String> destinations = new ArrayList<>();
            for (int r = 0; r < recipients; r++) {
                destinations.add("+614" + nextDestination.getAndIncrement());
            }
            List<String> accepted = new ArrayList<>();
            if (call.http() != null) {
                HttpResponse<String> response = call.http().send(HttpRequest.newBuilder(gateway.http("/ws/message"))
                        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(sendMessageBody(serials.get(client), destinations, i)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher ids = MESSAGE_ID.matcher(response.body());
                for (int r = 0; response.statusCode() == 200 && ids.find(); r++) {
                    lastMessageOf.set(client, Long.parseLong(ids.group(1)));
                    accepted.add(destinations.get(r));
                }
                if (accepted.isEmpty() && !unexpectedAnswerShown.getAndSet(true)) {
                    System.out.println("An answer that accepted nothing (only the first is shown): HTTP "
                            + response.statusCode() + " " + response.body());
                }
            } else {
                List<RecipientResult> results = call.port().sendMessage(serials.get(client), destinations,
                        "Benchmark " + i, null);
                for (int r = 0; r < results.size(); r++) {
                    if (results.get(r).getMessageId() != null) {
                        lastMessageOf.set(client, results.get(r).getMessageId());
                        accepted.add(destinations.get(r));
                    }
                }
            }
            acceptedSoFar.addAndGet(accepted.size());
            return accepted;
        }, raw);
    }

    /** sendMessage as Metro's client writes it: the wrapper in the gateway's namespace, its children unqualified. */
    static String sendMessageBody(String serial, List<String> destinations, int index) {
        StringBuilder body = new StringBuilder("<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<S:Body><ns2:sendMessage xmlns:ns2=\"urn:emailsms:gateway:v1\"><serial>").append(serial)
                .append("</serial>");
        destinations.forEach(d -> body.append("<recipient>").append(d).append("</recipient>"));
        return body.append("<text>Benchmark ").append(index).append("</text></ns2:sendMessage></S:Body></S:Envelope>")
                .toString();
    }

    /**
     * {@code calls} status queries flat out, each client asking for the last message it sent: the
     * same SOAP stack, authentication and database reads as {@code sendMessage}, but nothing
     * written. The rate of a call that stores nothing bounds what any SOAP call reaches here.
     */
    Outcome statusQueries(int calls) throws Exception {
        return drive(calls, 0, (client, call, i) -> {
            long id = lastMessageOf.get(client);
            return call.port().getStatus(serials.get(client), List.of(id)).isEmpty() ? List.of() : List.of(Long.toString(id));
        }, false);
    }

    /** A client thread's connection: a SOAP port, or a plain HTTP client. */
    private record Connection(Messaging port, HttpClient http) {
    }

    /** One call of a run: what it achieved (empty when refused), or the gateway's fault. */
    @FunctionalInterface
    private interface Call {
        List<String> make(int client, Connection connection, int index) throws GatewayFault, IOException, InterruptedException;
    }

    private Outcome drive(int calls, double perSecond, Call call, boolean rawHttp) throws Exception {
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
                Connection connection = rawHttp
                        ? new Connection(null, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                        : new Connection(gateway.newMessagingPort(), null);
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    if (interval > 0) {
                        // Constant-rate mode: call i is due at start + i * interval, whoever makes it.
                        long due = start + i * interval;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    long sent = System.nanoTime();
                    List<String> outcome;
                    try {
                        outcome = call.make(client, connection, i);
                    } catch (RuntimeException | GatewayFault | IOException e) {
                        outcome = List.of();
                    }
                    latencies[i] = System.nanoTime() - sent;
                    if (!outcome.isEmpty()) {
                        accepted.addAll(outcome);
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
