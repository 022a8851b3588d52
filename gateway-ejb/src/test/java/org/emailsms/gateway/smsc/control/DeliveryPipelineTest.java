package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.control.DeliveryClaims;
import org.emailsms.gateway.message.control.DeliveryRecords;
import org.emailsms.gateway.message.control.MessageLifecycle;
import org.emailsms.gateway.message.control.RetryPolicy;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The delivery pipeline on the real schema, with a stand-in SMSC that records each submit: two
 * nodes' pipelines on one database submit every message exactly once, outcomes written through a
 * group commit; an interactive message overtakes a bulk backlog; a fault in the gateway counts as a
 * failed attempt.
 */
class DeliveryPipelineTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration LEASE = Duration.ofMinutes(1);
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();
    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final List<DeliveryPipeline> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        started.forEach(pipeline -> pipeline.stop(Duration.ofSeconds(5)));
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void twoNodesSubmitEveryMessageExactlyOnce() throws InterruptedException {
        User sender = newSender();
        List<Long> ids = storeMany(sender, 300, false);
        Map<String, AtomicInteger> submits = new ConcurrentHashMap<>();
        DeliveryPipeline.Smsc smsc = (route, part) -> {
            submits.computeIfAbsent(part.destinationE164(), d -> new AtomicInteger()).incrementAndGet();
            return new Submitted("default", UUID.randomUUID().toString());
        };

        start("node-a", smsc, 8);
        start("node-b", smsc, 8);

        awaitAll(ids, MessageStatus.OK);
        assertEquals(300, submits.size(), "every message submitted");
        assertTrue(submits.values().stream().allMatch(count -> count.get() == 1), "none twice: " + submits);
    }

    /** With a bulk backlog claimed and waiting, a message to one recipient still goes next. */
    @Test
    void anInteractiveMessageOvertakesTheBulkBacklog() throws InterruptedException {
        User sender = newSender();
        List<Long> bulk = storeMany(sender, 2_000, false);
        List<String> order = new CopyOnWriteArrayList<>();
        DeliveryPipeline.Smsc slowSmsc = (route, part) -> {
            order.add(part.destinationE164());
            try {
                Thread.sleep(1); // a slow link, so that the backlog lasts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Submitted("default", UUID.randomUUID().toString());
        };
        start("node-a", slowSmsc, 2);
        awaitSubmits(order, 100);
        long interactive = storeMany(sender, 1, true).get(0);
        int submittedBefore = order.size();

        awaitAll(List.of(interactive), MessageStatus.OK);

        int position = order.indexOf(destination(interactive));
        assertTrue(position - submittedBefore < 600,
                "went within a few claims, not behind 1,900 bulk messages: " + (position - submittedBefore) + " after");
        awaitAll(bulk, MessageStatus.OK);
    }

    @Test
    void aFaultInTheGatewayIsAFailedAttempt() throws InterruptedException {
        User sender = newSender();
        List<Long> ids = storeMany(sender, 1, false);
        start("node-a", (route, part) -> {
            throw new IllegalStateException("encoder broke");
        }, 1);

        awaitAll(ids, MessageStatus.FAIL);
        SmsMessage failed = database.inTransaction(em -> {
            return em.find(SmsMessage.class, ids.get(0));
        });
        assertEquals(1, failed.getAttempts());
        assertTrue(failed.getLastError().contains("encoder broke"), failed.getLastError());
    }

    /**
     * What a node accepted is held from its insert and handed over in memory: it is submitted
     * without being claimed, and a message whose holder is no longer this node's lease is not.
     */
    @Test
    void whatTheNodeAcceptedGoesFromMemoryAndOnlyWhileItHoldsIt() throws InterruptedException {
        User sender = newSender();
        List<Delivery> held = storeHeld(sender, "node-a", 20);
        List<Delivery> lapsed = storeHeld(sender, "node-a/before", 5);
        // Its lease still counts for the other nodes, so no claim takes these over during the test.
        database.inTransaction(em -> {
            DeliveryClaims.on(em).beat("node-a/before", Instant.now());
            return null;
        });
        List<String> submitted = new CopyOnWriteArrayList<>();
        DeliveryPipeline pipeline = start("node-a", (route, part) -> {
            submitted.add(part.destinationE164());
            return new Submitted("default", UUID.randomUUID().toString());
        }, 2);

        pipeline.take(lapsed);
        pipeline.take(held);
        awaitAll(held.stream().map(Delivery::messageId).toList(), MessageStatus.OK);

        assertEquals(held.stream().map(Delivery::destination).sorted().toList(), submitted.stream().sorted().toList(),
                "each held message once, none of those held under the lapsed name");
        long stillHeld = database.inTransaction(em -> {
            return em.createQuery("SELECT COUNT(m) FROM SmsMessage m WHERE m.id IN :ids AND m.status = :status",
                    Long.class).setParameter("ids", lapsed.stream().map(Delivery::messageId).toList())
                    .setParameter("status", MessageStatus.PENDING).getSingleResult();
        });
        assertEquals(5, stillHeld, "left PENDING for the next claim once the lapsed name's lease has run out");
        assertEquals(DeliveryPipeline.MEMORY_CAPACITY, pipeline.room(), "nothing waits in memory");
    }

    private DeliveryPipeline start(String claimant, DeliveryPipeline.Smsc smsc, int workers) {
        RetryPolicy retries = RetryPolicy.of(10, Duration.ofMinutes(2));
        GroupCommit<DeliveryOutcome, MessageStatus> outcomes = new GroupCommit<>(writers, 200,
                batch -> database.inTransaction(em -> {
                    return DeliveryRecords.on(em, retries, CIPHER).write(batch);
                }), written -> { });
        DeliveryPipeline pipeline = new DeliveryPipeline(new DeliveryPipeline.Store() {
            @Override
            public List<Delivery> claim(int max) {
                return database.inTransaction(em -> {
                    return DeliveryClaims.on(em).claim(claimant, max, Instant.now(), LEASE);
                });
            }

            @Override
            public boolean holds(Delivery delivery) {
                return delivery.claimant().equals(claimant);
            }

            @Override
            public void report(DeliveryOutcome outcome) {
                outcomes.append(outcome);
            }
        }, smsc::submit, CIPHER, new DeliveryStatistics(), new MessageLifecycle(retries), Duration.ofMillis(200), workers);
        started.add(pipeline);
        pipeline.start(Thread::new);
        return pipeline;
    }

    private void awaitAll(List<Long> ids, MessageStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long done = database.inTransaction(em -> {
                return em.createQuery("SELECT COUNT(m) FROM SmsMessage m WHERE m.id IN :ids AND m.status = :status",
                        Long.class).setParameter("ids", ids).setParameter("status", status).getSingleResult();
            });
            if (done == ids.size()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, done + " of " + ids.size() + " messages " + status);
            Thread.sleep(20);
        }
    }

    private static void awaitSubmits(List<String> order, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (order.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + order.size() + " submits");
            Thread.sleep(5);
        }
    }

    private String destination(long id) {
        return database.inTransaction(em -> {
            return em.find(SmsMessage.class, id).getDestination();
        });
    }

    private User newSender() {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "h");
            em.persist(user);
            return user;
        });
    }

    /** Stored held by {@code claimant} from the insert, as a node stores what it accepts. */
    private List<Delivery> storeHeld(User sender, String claimant, int count) {
        return database.inTransaction(em -> {
            User user = em.find(User.class, sender.getId());
            List<Delivery> held = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SmsMessage message = new SmsMessage(user, "+614" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                        "+61491570156", CIPHER.encrypt("Hello"), 0, 1, false, null);
                message.heldBy(claimant);
                em.persist(message);
                held.add(new Delivery(message.getId(), claimant, 1, message.getDestination(), message.getSenderNumber(),
                        message.getContent(), 0, 1, false, false, 0, Instant.now(), List.of(),
                        List.of(new Delivery.Part(message.getParts().get(0).getId(), 1))));
            }
            return held;
        });
    }

    /** Each to a destination of its own, so that the stand-in SMSC can tell them apart. */
    private List<Long> storeMany(User sender, int count, boolean interactive) {
        return database.inTransaction(em -> {
            User user = em.find(User.class, sender.getId());
            byte[] content = CIPHER.encrypt("Hello");
            List<SmsMessage> messages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SmsMessage message = new SmsMessage(user, "+614" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                        "+61491570156", content, 0, 1, false, null);
                if (interactive) {
                    message.interactive();
                }
                em.persist(message);
                messages.add(message);
            }
            em.flush();
            return messages.stream().map(SmsMessage::getId).toList();
        });
    }
}
