package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.inbound.boundary.UnroutedReply;

/** A reply that no user owned; the time is ISO-8601 in UTC. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UnroutedReply", propOrder = {"replyId", "receivedAt", "handset", "poolNumber", "text", "mailedTo"})
public class UnroutedReplyRecord {

    private long replyId;
    private String receivedAt;
    private String handset;
    private String poolNumber;
    private String text;
    private String mailedTo;

    public UnroutedReplyRecord() {
    }

    static UnroutedReplyRecord of(UnroutedReply reply) {
        UnroutedReplyRecord result = new UnroutedReplyRecord();
        result.replyId = reply.id();
        result.receivedAt = reply.receivedAt().toInstant().toString();
        result.handset = reply.handset();
        result.poolNumber = reply.poolNumber();
        result.text = reply.text();
        result.mailedTo = reply.mailedTo();
        return result;
    }
}
