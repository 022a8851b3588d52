/** The provider's operations view: SMPP binds, queue depths, the mail outbox, unrouted replies. */
package org.emailsms.gateway.admin.operations;
