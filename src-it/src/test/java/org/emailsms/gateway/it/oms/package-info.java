/** Outlook's own text messaging (the Office Mobile Service protocol) against the deployed gateway. */
package org.emailsms.gateway.it.oms;
