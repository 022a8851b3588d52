package org.emailsms.gateway.inbound.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.emailsms.gateway.inbound.control.Reassembly;
import org.junit.jupiter.api.Test;

/** Expired incomplete replies are mailed one by one: one that fails holds back no other. */
class InboundSweepTest {

    @Test
    void anIncompleteReplyThatCannotBeMailedHoldsBackNoOther() {
        Reassembly.GroupKey broken = new Reassembly.GroupKey("+61412000001", "+61491570156", 7);
        Reassembly.GroupKey fine = new Reassembly.GroupKey("+61412000002", "+61491570156", 8);
        List<Reassembly.GroupKey> mailed = new ArrayList<>();
        InboundSweep sweep = new InboundSweep();
        sweep.replies = new ReplyService() {
            @Override
            public List<Reassembly.GroupKey> expiredIncomplete(Instant now) {
                return List.of(broken, fine);
            }

            @Override
            public void deliverIncomplete(Reassembly.GroupKey expired) {
                if (expired.equals(broken)) {
                    throw new IllegalStateException("the database refused it");
                }
                mailed.add(expired);
            }
        };

        sweep.mailIncompleteReplies();

        assertEquals(List.of(fine), mailed);
    }
}
