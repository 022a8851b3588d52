/** The administration portal in a real browser (headless Chromium), against the deployed gateway and GreenMail. */
package org.emailsms.gateway.it.portal;
