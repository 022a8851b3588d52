/** Outlook's own text messaging (the Office Mobile Service protocol): signing in with the gateway's username and password, the user's details, and sending what Outlook and SharePoint send, through the same checks as the add-ins. */
package org.emailsms.gateway.oms.boundary;
