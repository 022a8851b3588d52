/** Encoding and splitting, quotas, destination rules, the reply path and the outbound queue; they join the sender's transaction. */
package org.emailsms.gateway.message.control;
