/** Delivery to the carrier's SMSC: the outbound queue's consumer and the delivery service it hands each message to. */
package org.emailsms.gateway.smsc.boundary;
