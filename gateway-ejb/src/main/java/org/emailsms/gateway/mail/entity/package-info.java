/** An email waiting in the outbox, or sent. */
package org.emailsms.gateway.mail.entity;
