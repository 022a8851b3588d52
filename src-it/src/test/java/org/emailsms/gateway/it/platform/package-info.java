/** The runtime around the gateway: the launcher, external services chosen by configuration. */
package org.emailsms.gateway.it.platform;
