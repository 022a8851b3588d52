/** The way back from the handset (seed 4.2): the inbound queue's consumer, delivery receipts, and replies routed to their owners' inboxes. */
package org.emailsms.gateway.inbound.boundary;
