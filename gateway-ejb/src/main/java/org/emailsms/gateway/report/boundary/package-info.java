/** The report queries, always within one company an administrator may see. */
package org.emailsms.gateway.report.boundary;
