/** The administration portal: one package per business component, each holding its *View beans. */
package org.emailsms.gateway.admin;
