/** The machine operator's commands (bin/gateway admin): unlock or reset an account from the server itself. */
package org.emailsms.gateway.admin.operator;
