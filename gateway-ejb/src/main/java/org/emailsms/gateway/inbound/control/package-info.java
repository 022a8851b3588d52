/** What the SMSC delivers, as it travels through the inbound queue, and the matching of receipts to parts. */
package org.emailsms.gateway.inbound.control;
