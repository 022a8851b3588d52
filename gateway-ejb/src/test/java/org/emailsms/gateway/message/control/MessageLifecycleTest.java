package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessageStatus;

class MessageLifecycleTest {

    @Test
    void receiptsDecideNothingUntilEveryPartIsReported() {
        assertEquals(Optional.empty(), MessageLifecycle.statusAfterReceipts(List.of()));
        assertEquals(Optional.empty(), MessageLifecycle.statusAfterReceipts(Arrays.asList(DeliveryState.DELIVERED, null)));
        assertEquals(Optional.empty(), MessageLifecycle.statusAfterReceipts(Arrays.asList(null, DeliveryState.UNDELIVERED)));
    }

    @Test
    void anUndeliveredPartOutweighsAnExpiredOneWhichOutweighsDelivered() {
        assertEquals(Optional.of(MessageStatus.DELIVERED),
                MessageLifecycle.statusAfterReceipts(List.of(DeliveryState.DELIVERED, DeliveryState.DELIVERED)));
        assertEquals(Optional.of(MessageStatus.EXPIRED),
                MessageLifecycle.statusAfterReceipts(List.of(DeliveryState.DELIVERED, DeliveryState.EXPIRED)));
        assertEquals(Optional.of(MessageStatus.UNDELIVERED), MessageLifecycle.statusAfterReceipts(
                List.of(DeliveryState.EXPIRED, DeliveryState.UNDELIVERED, DeliveryState.DELIVERED)));
    }

    @Test
    void onlyTheNetworksReportsAreFinal() {
        for (MessageStatus status : MessageStatus.values()) {
            boolean reported = status == MessageStatus.DELIVERED || status == MessageStatus.UNDELIVERED
                    || status == MessageStatus.EXPIRED;
            assertEquals(reported, MessageLifecycle.isReported(status), status.name());
        }
        assertTrue(MessageLifecycle.isReported(MessageStatus.EXPIRED));
        assertFalse(MessageLifecycle.isReported(MessageStatus.OK));
    }

    @Test
    void aMessageNotOutWithin24HoursOfBeingDueIsNotAttemptedAgain() {
        MessageLifecycle lifecycle = new MessageLifecycle(RetryPolicy.of(10, Duration.ofMinutes(2)));
        Instant due = Instant.parse("2026-12-07T10:00:00Z");
        Delivery delivery = new Delivery(1, "node-a/1", 1, "+61412345678", "+61491570156", new byte[] {1}, 0, 1,
                false, false, 3, due, List.of(), List.of(new Delivery.Part(1, 1)));
        assertEquals(Optional.empty(), lifecycle.tooLate(delivery, due.plus(Duration.ofHours(24))));
        assertTrue(lifecycle.tooLate(delivery, due.plus(Duration.ofHours(24)).plusSeconds(1)).orElseThrow()
                .startsWith("Not sent within 24 hours of being due"));
    }
}
