/** The way back from the handset: processing what the SMSC delivered (the inbound consumer and sweep), delivery receipts, and replies routed to their owners' inboxes. */
package org.emailsms.gateway.inbound.boundary;
