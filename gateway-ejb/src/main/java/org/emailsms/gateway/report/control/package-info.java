/** What the reports keep beyond the detail rows: the daily totals. */
package org.emailsms.gateway.report.control;
