/**
 * A user's activity as their client keeps it: messages and the replies to them, oldest first. It
 * joins the message component and the inbound one, so it sits above both, and neither knows it.
 */
package org.emailsms.gateway.history.boundary;
