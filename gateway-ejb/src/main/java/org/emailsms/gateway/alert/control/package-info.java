/** The alert conditions and their thresholds, and the table that makes each alert one email however many nodes see it. */
package org.emailsms.gateway.alert.control;
