/** Outbound messages: sending with every check before acceptance, and the status the add-in polls. */
package org.emailsms.gateway.message.boundary;
