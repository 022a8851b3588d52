/** The persistent outbox every email of the gateway goes through, and the SMTP session. */
package org.emailsms.gateway.mail.control;
