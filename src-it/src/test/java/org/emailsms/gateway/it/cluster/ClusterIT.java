package org.emailsms.gateway.it.cluster;

import static org.emailsms.gateway.it.support.Messages.DELIVERY;
import static org.emailsms.gateway.it.support.Messages.awaitEmailContaining;
import static org.emailsms.gateway.it.support.Messages.awaitStatus;
import static org.emailsms.gateway.it.support.Messages.emails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.cloudhopper.commons.charset.CharsetUtil;

import org.emailsms.gateway.it.client.message.Messaging;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Browser;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, one gateway ({@link Cluster}): what must hold however requests and SMPP traffic are
 * spread over the nodes, and when one of them is killed mid-run. Modest volumes: the machine has
 * two cores for both nodes, the database, the broker, the load balancer and the clients.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int LOCKOUT_THRESHOLD = 10;
    private static final String REPLY = "SMS reply from";
    private static final byte GSM = 0x00;

    private static Cluster cluster;
    private static Tenants tenants;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = Cluster.start();
        tenants = new Tenants(cluster.client);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeSaysWhichItIsAndBothServeThroughTheLoadBalancer() throws Exception {
        for (String node : List.of(Cluster.NODE_A, Cluster.NODE_B)) {
            String health = cluster.direct(node).get(cluster.direct(node).http("/health/ready")).body();
            assertTrue(health.contains("\"node\":\"" + node + "\""), health);
        }
        // HTTP/1.1 as the add-ins speak it: Java's client would otherwise upgrade to HTTP/2, which the
        // balancer passes through as a tunnel to one node.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Poll.until("both nodes to answer through the load balancer", Duration.ofSeconds(30), () -> {
            String health = http.send(HttpRequest.newBuilder(cluster.client.http("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List.of(Cluster.NODE_A, Cluster.NODE_B).stream().filter(health::contains).forEach(answered::add);
            return answered.size() == 2;
        });
        cluster.smsc.awaitBinds(2, Duration.ofSeconds(30));

        // Whichever node serves the portal (the balancer keeps a browser on one), it lists both nodes' binds.
        try (Browser browser = new Browser(cluster.client)) {
            browser.signIn("admin", System.getProperty("it.admin.password"));
            Poll.until("the Operations page to list both nodes' binds", Duration.ofSeconds(30), () -> {
                browser.open("/admin/operations.xhtml");
                String binds = browser.text("binds");
                return binds.contains(Cluster.NODE_A) && binds.contains(Cluster.NODE_B) && binds.contains("(this page)");
            });
        }
    }

    /** Forty sends at once, spread over both nodes, against a company quota of fifteen: exactly fifteen get through. */
    @Test
    @Order(2)
    void aCompanyQuotaHoldsExactlyAcrossBothNodes() throws Exception {
        String serial = activatedSender(tenants.newCompanyWithDailyQuota(15));

        List<String> outcomes = inParallel(40, attempt -> {
            try {
                cluster.client.newMessagingPortOverHttp().sendMessage(serial, List.of(mobile()), "Quota across nodes", null);
                return "ACCEPTED";
            } catch (org.emailsms.gateway.it.client.message.GatewayFault e) {
                return e.getFaultInfo().getCode();
            }
        });

        assertEquals(15, outcomes.stream().filter("ACCEPTED"::equals).count(), outcomes.toString());
        assertEquals(25, outcomes.stream().filter("QUOTA_EXCEEDED"::equals).count(), outcomes.toString());
    }

    /** Fifty wrong passwords at once over both nodes: exactly threshold + 1 are checked, then the account is blocked. */
    @Test
    @Order(3)
    void aLockoutHoldsExactlyAcrossBothNodes() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());

        List<String> codes = inParallel(50, attempt -> {
            try {
                cluster.client.account().activate(user.getUsername(), "wrong", null, null);
                return "ACTIVATED";
            } catch (org.emailsms.gateway.it.client.account.GatewayFault fault) {
                return fault.getFaultInfo().getCode();
            }
        });

        assertEquals(LOCKOUT_THRESHOLD + 1, codes.stream().filter("AUTH_FAILED"::equals).count(), codes.toString());
        assertEquals(50 - LOCKOUT_THRESHOLD - 1, codes.stream().filter("ACCOUNT_LOCKED"::equals).count(), codes.toString());
        for (String node : List.of(Cluster.NODE_A, Cluster.NODE_B)) {
            try {
                cluster.direct(node).account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);
                throw new AssertionError("the right password got through on " + node + " while the account is blocked");
            } catch (org.emailsms.gateway.it.client.account.GatewayFault fault) {
                assertEquals("ACCOUNT_LOCKED", fault.getFaultInfo().getCode(), node);
            }
        }
    }

    /**
     * A receipt over the other node's bind than the submit's reaches the message; a two-part reply
     * whose parts arrive one on each node's bind reaches the sender's inbox as one email, once.
     */
    @Test
    @Order(4)
    void receiptsAndRepliesArrivingOnEitherNodeReachTheRightMessageAndInbox() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String serial = cluster.client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        String handset = mobile();
        long id = cluster.client.newMessagingPortOverHttp().sendMessage(serial, List.of(handset), "Across the nodes", null)
                .get(0).getMessageId();
        cluster.smsc.awaitSubmitsTo(handset, 1, DELIVERY);
        SubmitSm submit = cluster.smsc.submitsTo(handset).get(0);
        String submittedVia = cluster.smsc.bindsUsedFor(handset).get(0);
        String otherBind = submittedVia.equals(Cluster.NODE_A) ? Cluster.NODE_B : Cluster.NODE_A;
        awaitStatus(cluster.client, serial, id, "OK");

        cluster.smsc.sendReceiptVia(otherBind, submit, cluster.smsc.idOf(submit), "DELIVRD");
        awaitStatus(cluster.client, serial, id, "DELIVERED");

        String pool = "+" + submit.getSourceAddr();
        String text = "Split over both nodes: " + "the first half, ".repeat(8) + "and the end.";
        byte[] septets = CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM);
        int cut = septets.length / 2;
        cluster.smsc.sendMoVia(Cluster.NODE_A, handset, pool, withHeader(0x3C, 2, 1, slice(septets, 0, cut)), GSM, true);
        cluster.smsc.sendMoVia(Cluster.NODE_B, handset, pool, withHeader(0x3C, 2, 2, slice(septets, cut, septets.length)), GSM, true);
        String inbox = sender.getUsername() + "@example.test";
        awaitEmailContaining(cluster.mail, inbox, text);

        cluster.smsc.sendMoVia(otherBind, handset, pool, CharsetUtil.encode("And a last word", CharsetUtil.CHARSET_GSM), GSM, false);
        awaitEmailContaining(cluster.mail, inbox, "And a last word");
        assertEquals(2, emails(cluster.mail, inbox, REPLY).size(),
                "two replies, two emails: both nodes' outboxes sweep, and each email went once");
    }

    /**
     * Clients send through the load balancer while node A is killed (SIGKILL) and started again:
     * every accepted message reaches the SMSC; duplicates only from submits in flight at the kill.
     */
    @Test
    @Order(5)
    void everyAcceptedMessageReachesTheSmscWhenANodeIsKilledMidRun() throws Exception {
        int clients = 4;
        int perClient = Integer.getInteger("it.cluster.messages", 400) / clients;
        List<String> serials = new ArrayList<>();
        String company = tenants.newCompany();
        for (int i = 0; i < clients; i++) {
            serials.add(activatedSender(company));
        }
        List<String> accepted = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<String>>> runs = new ArrayList<>();
        int first = ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000);
        for (int c = 0; c < clients; c++) {
            String serial = serials.get(c);
            int from = first + c * perClient;
            runs.add(pool.submit(() -> {
                Messaging port = cluster.client.newMessagingPortOverHttp();
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    String destination = "+6141" + String.format("%07d", from + i);
                    try {
                        port.sendMessage(serial, List.of(destination), "Kill drill " + i, null);
                        mine.add(destination);
                    } catch (Exception refusedOrCut) {
                        failed.incrementAndGet();
                    }
                    sent.incrementAndGet();
                }
                return mine;
            }));
        }
        Instant started = Instant.now();
        Poll.until("a third of the messages sent", Duration.ofMinutes(5), () -> sent.get() >= clients * perClient / 3);
        cluster.node(Cluster.NODE_A).kill();
        Instant killed = Instant.now();
        long acknowledgedAtKill = cluster.smsc.acknowledgedCount();
        for (Future<List<String>> run : runs) {
            accepted.addAll(run.get());
        }
        pool.shutdown();

        // Node B alone takes over what node A held, once A's lease has run out.
        Poll.until("every accepted message at the SMSC, node A still down", Duration.ofMinutes(3),
                () -> accepted.stream().allMatch(d -> cluster.smsc.submitCount(d) > 0));
        Duration takenOver = Duration.between(killed, Instant.now());
        long duplicated = accepted.stream().filter(d -> cluster.smsc.submitCount(d) > 1).count();
        // What node A can have sent that node B sends again: the outcomes its message log had not
        // written behind yet (at most a write-behind interval of submits, at the rate of the run,
        // both nodes' counted) and the submits in its bind's window at the kill.
        double rate = acknowledgedAtKill / Math.max(1.0, Duration.between(started, killed).toMillis() / 1000.0);
        long bound = (long) Math.ceil(rate * Cluster.WRITE_BEHIND.toMillis() / 1000.0) + Cluster.WINDOW;
        System.out.printf("cluster kill drill: %d sent, %d accepted, %d failed at the kill; %d submits acknowledged "
                        + "when node A was killed; every accepted message at the SMSC %.1f s after the kill, node A "
                        + "still down (its lease lasted %d s); duplicates %d, at most %d by the bound (%.0f submits/s "
                        + "for the write-behind interval of %.1f s, plus a window of %d); losses 0%n", clients * perClient,
                accepted.size(), failed.get(), acknowledgedAtKill, takenOver.toMillis() / 1000.0,
                Cluster.CLAIM.toSeconds(), duplicated, bound, rate, Cluster.WRITE_BEHIND.toMillis() / 1000.0, Cluster.WINDOW);

        cluster.node(Cluster.NODE_A).start(Cluster.NODE_A + "-after-kill");
        cluster.smsc.awaitBinds(2, Duration.ofSeconds(30));
        String health = cluster.direct(Cluster.NODE_A).get(cluster.direct(Cluster.NODE_A).http("/health/ready")).body();
        assertTrue(health.contains("\"node\":\"" + Cluster.NODE_A + "\""), "node A back: " + health);
        assertTrue(accepted.size() >= clients * perClient / 2, "most requests were accepted: " + accepted.size());
        assertTrue(duplicated <= bound, duplicated + " duplicates, more than the bound of " + bound);
    }

    private String activatedSender(String company) throws Exception {
        CreatedUser user = tenants.newSender(company);
        return cluster.client.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);
    }

    private static String mobile() {
        return "+61412" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @FunctionalInterface
    private interface Attempt {
        String make(int attempt) throws Exception;
    }

    private static List<String> inParallel(int attempts, Attempt attempt) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(attempts, 20));
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int number = i;
                answers.add(clients.submit(() -> attempt.make(number)));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> answer : answers) {
                codes.add(answer.get());
            }
            return codes;
        } finally {
            clients.shutdownNow();
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] withHeader(int reference, int total, int sequence, byte[] payload) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) sequence});
        part.writeBytes(payload);
        return part.toByteArray();
    }
}
