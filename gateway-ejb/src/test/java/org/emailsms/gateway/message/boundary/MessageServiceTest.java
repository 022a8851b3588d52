package org.emailsms.gateway.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.emailsms.gateway.message.control.AcceptanceCommit;
import org.emailsms.gateway.message.control.MessageAcceptance;
import org.emailsms.gateway.message.control.MessageAcceptance.Accepted;
import org.emailsms.gateway.message.control.MessageAcceptance.Checked;
import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.junit.jupiter.api.Test;

/** What sendMessage does after the store: a queue that cannot be reached does not turn an accepted message into a fault. */
class MessageServiceTest {

    @Test
    void answersAcceptedWhenTheQueueCannotBeReached() throws Exception {
        MessageService service = new MessageService();
        service.acceptance = new MessageAcceptance() {
            @Override
            public Checked check(String serial, List<String> recipients, String text, SendOptions options) {
                return new Checked(null, recipients, List.of(), null, null, List.of(), List.of(), null);
            }
        };
        service.stores = new AcceptanceCommit() {
            @Override
            public Accepted store(Checked request) {
                return new Accepted(List.of(RecipientResult.accepted(request.recipients().get(0), 42L, MessageStatus.PENDING)),
                        List.of(42L));
            }
        };
        service.queue = new OutboundQueue() {
            @Override
            public void enqueue(List<Long> messageIds) {
                throw new IllegalStateException("cannot queue messages: connection refused");
            }
        };

        List<RecipientResult> results = service.send("1234567890123456", List.of("+61412345678"), "Hi", null);

        assertEquals(MessageStatus.PENDING, results.get(0).status(), "stored is accepted; the sweep queues it");
    }
}
