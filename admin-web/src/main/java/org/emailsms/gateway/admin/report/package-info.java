/** The report pages: summary and transactions (with CSV export), and the login audit. */
package org.emailsms.gateway.admin.report;
