/** Alerts for the provider: conditions watched across the nodes, one email when raised and one when cleared. */
package org.emailsms.gateway.alert.boundary;
