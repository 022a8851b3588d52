/** The mail dispatcher: sends what the outbox holds, again and again until the SMTP server takes it. */
package org.emailsms.gateway.mail.boundary;
