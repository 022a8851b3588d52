/** Outbound messages: sending with every check of seed 4.1, and the status the add-in polls. */
package org.emailsms.gateway.message.boundary;
