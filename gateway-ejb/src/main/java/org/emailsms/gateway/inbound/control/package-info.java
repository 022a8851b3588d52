/** What the SMSC delivers, as it travels through the inbound queue; reassembly and decoding of replies. */
package org.emailsms.gateway.inbound.control;
