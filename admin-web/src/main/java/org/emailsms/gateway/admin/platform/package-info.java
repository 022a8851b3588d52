/** What every page of the portal shares: running boundary calls and showing their refusals. */
package org.emailsms.gateway.admin.platform;
