/** An outbound message (one per recipient) and its SMPP parts. */
package org.emailsms.gateway.message.entity;
