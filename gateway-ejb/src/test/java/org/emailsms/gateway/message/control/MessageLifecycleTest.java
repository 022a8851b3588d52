package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

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
}
