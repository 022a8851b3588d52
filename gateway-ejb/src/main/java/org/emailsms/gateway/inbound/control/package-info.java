/** What the SMSC delivers, stored (the inbound journal) and prompted on the inbound queue; reassembly and decoding of replies. */
package org.emailsms.gateway.inbound.control;
