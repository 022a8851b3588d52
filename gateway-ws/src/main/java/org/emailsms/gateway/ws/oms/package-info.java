/** Outlook's own text messaging: the Office Mobile Service (OMS) SOAP endpoint, the XML documents it reads and writes, and how the gateway's refusals read as OMS error codes. */
package org.emailsms.gateway.ws.oms;
