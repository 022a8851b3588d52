/** Outbound SMS end to end: SOAP send and status, the checks, the SMPP submits, retries. */
package org.emailsms.gateway.it.message;
