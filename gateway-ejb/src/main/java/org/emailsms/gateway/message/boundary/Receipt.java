package org.emailsms.gateway.message.boundary;

import java.time.OffsetDateTime;
import java.util.Set;

import org.emailsms.gateway.message.entity.DeliveryState;

/**
 * A delivery receipt's final word on one part: the SMSC's id of the part in every form it may be
 * stored under, the handset's number it came from (digits, no "+"; empty if the receipt names none),
 * what the network reports, and when.
 */
public record Receipt(Set<String> smscIdKeys, String handset, DeliveryState state, OffsetDateTime at) {
}
