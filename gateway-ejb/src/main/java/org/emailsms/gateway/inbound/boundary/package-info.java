/** The way back from the handset (seed 4.2): the inbound queue's consumer and the processing of delivery receipts. */
package org.emailsms.gateway.inbound.boundary;
